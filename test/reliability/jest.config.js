/** `npm run test:reliability`: the built app as a child process, under fuzzing and faults. */
module.exports = {
  displayName: 'reliability',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 900_000,
};
