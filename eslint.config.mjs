// Lint. The shipped code (nodes/, credentials/, package.json) gets n8n's own configuration from
// @n8n/node-cli, unchanged: the rules of `n8n-node lint` and of n8n's verification scanner.
// Tests and tooling (test/, simulator/, sandbox/, bench/, scripts/) are not shipped and may use
// timers, the file system and child processes, which n8n's Cloud rules forbid; they get the
// TypeScript rules instead. Why package.json's "strict" is false: see the README (Development).
import { config as n8nNodeConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const TOOLING = ['test/**', 'simulator/**', 'sandbox/**', 'bench/**', 'scripts/**'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.tools/**', '.cache/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
	// n8n's blocks that name files keep them and skip the tooling; the others register plugins.
	...n8nNodeConfig.map((block) => (block.files ? { ...block, ignores: [...(block.ignores ?? []), ...TOOLING] } : block)),
	{
		files: TOOLING.map((glob) => `${glob.slice(0, -3)}/**/*.ts`),
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);
