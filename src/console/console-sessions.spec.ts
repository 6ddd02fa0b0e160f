import { AccessTokens } from '../auth/access-tokens';
import { AuthService } from '../auth/auth.service';
import { AppConfig } from '../config/app-config';
import { ConsoleSessions } from './console-sessions';

const SECRET = 'a-jwt-secret-long-enough-for-tests-0123456789';

function sessionsAt(publicBaseUrl: string, authenticate: AccessTokens['authenticate'] = async () => ({}) as never) {
  const config = { publicBaseUrl, jwtTtlSeconds: 43200, jwtSecret: SECRET, dataDir: '/nonexistent' } as unknown as AppConfig;
  return new ConsoleSessions(config, {} as AuthService, { authenticate } as AccessTokens);
}

describe('ConsoleSessions', () => {
  it('marks the session cookie Secure only when the site is served over https, and makes it last as long as the token', () => {
    expect(sessionsAt('https://hoinghi.gov.vn').sessionCookie('t')).toBe('hn_console=t; Path=/console; Max-Age=43200; HttpOnly; SameSite=Lax; Secure');
    expect(sessionsAt('http://10.0.0.5:3000').sessionCookie('t')).not.toContain('Secure');
    expect(sessionsAt('http://10.0.0.5:3000').clearSessionCookie()).toContain('Max-Age=0');
  });

  it("ties each form's token to its session, and the sign-in form's to its pre-session", () => {
    const sessions = sessionsAt('http://localhost:3000');
    const token = sessions.csrfForSession('jwt-a');
    expect(sessions.sessionCsrfHolds('jwt-a', token)).toBe(true);
    expect(sessions.sessionCsrfHolds('jwt-b', token)).toBe(false);
    expect(sessions.signInCsrfHolds('jwt-a', token)).toBe(false);
    const pre = sessions.newPreSession();
    expect(pre).not.toBe(sessions.newPreSession());
    expect(sessions.signInCsrfHolds(pre, sessions.csrfForSignIn(pre))).toBe(true);
    expect(sessions.signInCsrfHolds(undefined, sessions.csrfForSignIn(pre))).toBe(false);
  });

  it('reads no user from a cookie the access-token check refuses (ended, expired, forged)', async () => {
    const sessions = sessionsAt('http://localhost:3000', async () => {
      throw new Error('session_ended');
    });
    await expect(sessions.userOf('ended')).resolves.toBeNull();
    await expect(sessions.userOf(undefined)).resolves.toBeNull();
  });
});
