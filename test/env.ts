// Every e2e process runs with NODE_ENV=test (config/test.env: quiet logs, no demo seed).
process.env.NODE_ENV = 'test';
