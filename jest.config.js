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
  // Two test files at a time. Jest's default (cores − 1) runs them one by one on the 2-core CI machine, but most files
  // wait on Chromium, the emulator or sockets rather than compute: two at a time about halves `npm test` (measured on
  // 2 cores: 520 s for the 1,924 tests, against 820–1,030 s one by one in earlier runs).
  maxWorkers: 2,
};
