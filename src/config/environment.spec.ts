import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

describe('environment validation', () => {
  it('starts with no environment at all, on SQLite under data/', () => {
    const config = new AppConfig(validateEnvironment({}));
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.database).toEqual({ type: 'sqlite', path: expect.stringMatching(/data\/hoi-nghi\.sqlite$/) });
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = new AppConfig(validateEnvironment({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/hn' }));
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u@127.0.0.1:5432/hn' });
  });

  it('reads numbers and booleans from strings', () => {
    const env = validateEnvironment({ PORT: '8080', SEED_DEMO: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.SEED_DEMO).toBe(false);
    expect(new AppConfig(env).publicBaseUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_EMAIL', 'admin'],
    ['NODE_ENV', 'staging'],
  ])('stops with a message naming %s=%s', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('names every wrong variable at once', () => {
    expect(() => validateEnvironment({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
