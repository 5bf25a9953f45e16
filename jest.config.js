/** Unit tests run the node's code against the sandbox over real HTTP; e2e tests run it in a real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'test/tsconfig.json' }];

const ignored = ['<rootDir>/.cache/', '<rootDir>/dist/', '<rootDir>/dev/n8n/pins/'];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			modulePathIgnorePatterns: ignored,
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.js'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			displayName: 'e2e',
			modulePathIgnorePatterns: ignored,
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.js'],
		},
	],
};
