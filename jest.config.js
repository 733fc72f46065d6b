/** Jest: unit, integration (emulator on an ephemeral loopback port) and browser (Chromium) tests, mirroring src/ under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // ES-module-only packages (pdfjs-dist's .mjs builds) become CommonJS with esbuild
    '^.+\\.mjs$': '<rootDir>/test/helpers/esmTransform.js',
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|pdfjs-dist)/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': 'identity-obj-proxy',
  },
  testTimeout: 30000,
};
