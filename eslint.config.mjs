// Lint of everything the packages do not ship: tests, simulators, sandbox, benchmarks, scripts, and
// common/ (the shared machinery's source). TypeScript rules only: tooling may use timers, the file
// system and child processes. Each package under packages/ is linted by n8n's own `n8n-node lint`
// with n8n's default configuration (strict), which also covers its copy of common/.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: ['packages/**', 'dist/**', '**/node_modules/**', '.tools/**', '.cache/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'],
	},
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);
