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
    ['TRUST_PROXY', 'yes please'],
  ])('stops with a message naming %s=%s', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('names every wrong variable at once', () => {
    expect(() => validateEnvironment({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      ADMIN_PASSWORD: 'mot-mat-khau-rieng-rat-dai',
      PUBLIC_BASE_URL: 'https://hoinghi.example.gov.vn',
      JWT_SECRET: 'x'.repeat(40),
    };

    it('starts with its own admin password, base URL and JWT secret', () => {
      expect(new AppConfig(validateEnvironment(production)).publicBaseUrl).toBe('https://hoinghi.example.gov.vn');
    });

    it.each([
      ['ADMIN_PASSWORD', 'HoiNghi@2025', /ADMIN_PASSWORD: must be set in production; the demo password is documented/],
      ['PUBLIC_BASE_URL', undefined, /PUBLIC_BASE_URL: must be set in production/],
      ['JWT_SECRET', undefined, /JWT_SECRET: must be set in production/],
    ])('refuses to start, naming %s, when it is left at its default', (name, value, message) => {
      const env: Record<string, string | undefined> = { ...production, [name]: value };
      expect(() => validateEnvironment(env)).toThrow(message);
    });

    it('names every unsafe setting at once', () => {
      expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/ADMIN_PASSWORD[\s\S]*PUBLIC_BASE_URL[\s\S]*JWT_SECRET/);
    });

    it('lets development keep the demo defaults', () => {
      expect(() => validateEnvironment({ NODE_ENV: 'development' })).not.toThrow();
    });
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['127.0.0.1, 10.0.0.0/8', ['127.0.0.1', '10.0.0.0/8']],
  ])('reads TRUST_PROXY=%s as Fastify takes it', (value, expected) => {
    expect(new AppConfig(validateEnvironment({ TRUST_PROXY: value })).trustProxy).toEqual(expected);
  });
});
