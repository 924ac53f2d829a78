// Lint. The shipped code (nodes/, credentials/, package.json) gets the configuration n8n's
// verification scanner lints community packages with (@n8n/scan-community-package's
// buildScanConfig: n8n's community-node rules with the Cloud restrictions and the nodes,
// credentials and community rule sets), unchanged. Tests and tooling (test/, simulator/, sandbox/,
// bench/, scripts/) are not shipped and may use timers, the file system and child processes, which
// the Cloud rules forbid; they, like everything, get the TypeScript rules. See the README (Development).
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';
import tseslint from 'typescript-eslint';

const TOOLING = ['test/**', 'simulator/**', 'sandbox/**', 'bench/**', 'scripts/**'];
const scanConfig = await buildScanConfig();

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.tools/**', '.cache/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	// The scanner's blocks apply to the shipped code only; a block naming no files registers plugins
	// or applies to every file the scanner lints, so it is given the shipped files.
	...scanConfig.map((block) =>
		block.files
			? { ...block, ignores: [...(block.ignores ?? []), ...TOOLING] }
			: block.rules
				? { ...block, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] }
				: block,
	),
);
