/** End-to-end tests against a real n8n (npm run test:e2e): one file at a time, generous timeouts. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	// Named *.e2e.ts so that the unit tests' pattern (*.test.ts) never picks them up.
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
};
