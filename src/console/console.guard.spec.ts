import { ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REQUIRED_ROLES } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { User } from '../auth/user.entity';
import { ConsoleRedirect, ConsoleRequest } from './console-caller';
import { ConsoleSessions } from './console-sessions';
import { ConsoleGuard, signInLocation } from './console.guard';

const user = (role: Role): User => ({ id: 'u1', role, fullName: 'Nguyễn Văn An', active: true, tokenVersion: 0 }) as User;

/** A guard over fake sessions: the cookie `good` is a session of `who`, and its CSRF token is `csrf-good`. */
function guardFor(who: User | null, roles?: Role[]) {
  const sessions = {
    userOf: async (token?: string) => (token === 'good' ? who : null),
    sessionCsrfHolds: (token: string | undefined, given: unknown) => token === 'good' && given === 'csrf-good',
    csrfForSession: () => 'csrf-good',
  } as unknown as ConsoleSessions;
  const reflector = { getAllAndOverride: (key: string) => (key === REQUIRED_ROLES ? roles : undefined) } as unknown as Reflector;
  const guard = new ConsoleGuard(reflector, sessions);
  const run = async (method: string, url: string, cookie?: string, body?: Record<string, unknown>) => {
    const request = { method, url, headers: { cookie }, body } as unknown as ConsoleRequest;
    const context = {
      switchToHttp: () => ({ getRequest: () => request }),
      getHandler: () => undefined,
      getClass: () => undefined,
    } as unknown as ExecutionContext;
    await guard.canActivate(context);
    return request.console;
  };
  return run;
}

const statusOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'passed';
  } catch (error) {
    if (error instanceof ConsoleRedirect) return `redirect ${error.location}${error.clearSession ? ' (cookie cleared)' : ''}`;
    if (error instanceof HttpException) return error.getStatus();
    throw error;
  }
};

describe('ConsoleGuard', () => {
  it('sends a page asked for without a session to the sign-in page, coming back to it after', async () => {
    const run = guardFor(user('organizer'));
    expect(await statusOf(run('GET', '/console/conferences/abc?xong=1'))).toBe('redirect /console/login?next=%2Fconsole%2Fconferences%2Fabc%3Fxong%3D1');
    expect(await statusOf(run('GET', '/console'))).toBe('redirect /console/login');
  });

  it('clears a cookie that no longer stands for a session (signed out, new password, deactivated)', async () => {
    expect(await statusOf(guardFor(user('organizer'))('GET', '/console', 'hn_console=ended'))).toBe('redirect /console/login (cookie cleared)');
    expect(await statusOf(guardFor(null)('GET', '/console', 'hn_console=good'))).toBe('redirect /console/login (cookie cleared)');
  });

  it('refuses a form post without its CSRF token, or with a wrong one, with 403', async () => {
    const run = guardFor(user('organizer'));
    expect(await statusOf(run('POST', '/console/conferences', 'hn_console=good', {}))).toBe(403);
    expect(await statusOf(run('POST', '/console/conferences', 'hn_console=good', { _csrf: 'csrf-other' }))).toBe(403);
    expect(await statusOf(run('POST', '/console/conferences', 'hn_console=good', undefined))).toBe(403);
    expect(await statusOf(run('POST', '/console/conferences', 'hn_console=good', { _csrf: 'csrf-good' }))).toBe('passed');
  });

  it('sends a form post without a session to the sign-in page, not back to the post', async () => {
    expect(await statusOf(guardFor(user('organizer'))('POST', '/console/conferences', undefined, { _csrf: 'x' }))).toBe('redirect /console/login');
  });

  it('lets admins and organizers change, and tells the pages a viewer only looks', async () => {
    const writers: Role[] = ['admin', 'organizer'];
    for (const role of writers) {
      const caller = await guardFor(user(role), writers)('POST', '/console/conferences', 'hn_console=good', { _csrf: 'csrf-good' });
      expect(caller).toMatchObject({ canWrite: true, csrf: 'csrf-good' });
    }
    const viewer = await guardFor(user('viewer'), ['admin', 'organizer', 'viewer'])('GET', '/console', 'hn_console=good');
    expect(viewer).toMatchObject({ canWrite: false });
    expect(await statusOf(guardFor(user('viewer'), writers)('POST', '/console/conferences', 'hn_console=good', { _csrf: 'csrf-good' }))).toBe(403);
  });

  it("sends an operator who opens a conference page to their points, and refuses an operator's form post", async () => {
    const roles: Role[] = ['admin', 'organizer', 'viewer'];
    expect(await statusOf(guardFor(user('operator'), roles)('GET', '/console', 'hn_console=good'))).toBe('redirect /console/points');
    expect(await statusOf(guardFor(user('operator'), ['admin', 'organizer'])('POST', '/console/conferences', 'hn_console=good', { _csrf: 'csrf-good' }))).toBe(403);
  });

  it('builds the sign-in address only from console paths', () => {
    expect(signInLocation('GET', '//evil.example/x')).toBe('/console/login');
    expect(signInLocation('GET', '/console/points')).toBe('/console/login?next=%2Fconsole%2Fpoints');
  });
});
