import { DataSource } from 'typeorm';
import { ImportProgress } from '../attendees/attendee-import-progress';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { validateEnvironment } from '../config/environment';
import { MailDispatcher } from '../mail/mail-dispatcher';

const configWith = (env: Record<string, string>) => new AppConfig(validateEnvironment(env));

describe('APP_ROLE', () => {
  it('is all by default: one command runs the API and a worker process beside it', () => {
    const config = configWith({});
    expect(config.role).toBe('all');
    expect(config.runs).toEqual({ http: true, background: true });
    expect(config.workerProcess).toEqual({ separate: true, port: 0 });
  });

  it('runs the worker inside the one process with WORKER_PROCESS=false (as the e2e tests do)', () => {
    expect(configWith({ WORKER_PROCESS: 'false' }).workerProcess.separate).toBe(false);
  });

  it('answers HTTP and sends nothing as api', () => {
    const config = configWith({ APP_ROLE: 'api' });
    expect(config.runs).toEqual({ http: true, background: false });
    expect(config.workerProcess.separate).toBe(false);
  });

  it('sends and answers no API as worker', () => {
    const config = configWith({ APP_ROLE: 'worker', WORKER_PORT: '3001' });
    expect(config.runs).toEqual({ http: false, background: true });
    expect(config.workerProcess).toEqual({ separate: false, port: 3001 });
  });

  it.each([['APP_ROLE', 'web'], ['WORKER_PORT', '-1'], ['WORKER_PORT', '70000']])('stops with a message naming %s=%s', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it.each([
    ['api', false],
    ['worker', true],
    ['all', true],
  ])('starts the mail dispatcher on bootstrap as %s: %s', (role, starts) => {
    const config = configWith({ APP_ROLE: role, MAIL_DISPATCH_INTERVAL_MS: '1000' });
    const dispatcher = new MailDispatcher(...([null, null, null, null, null, config, null, null] as unknown as ConstructorParameters<typeof MailDispatcher>));
    const start = jest.spyOn(dispatcher, 'start').mockImplementation(() => undefined);
    dispatcher.onApplicationBootstrap();
    expect(start).toHaveBeenCalledTimes(starts ? 1 : 0);
  });

  it.each([
    ['api', 1],
    ['all', 1],
    ['worker', 0],
  ])('on SQLite, marks imports cut off by a crash as failed at start only where imports run (%s)', async (role, lookups) => {
    const getRepository = jest.fn(() => ({ findBy: async () => [] }));
    const dataSource = { options: { type: 'sqlite' }, getRepository } as unknown as DataSource;
    // A worker restarting beside a running API must not fail the imports that API is running.
    await new ImportProgress(dataSource, new Clock(), configWith({ APP_ROLE: role })).onApplicationBootstrap();
    expect(getRepository).toHaveBeenCalledTimes(lookups);
  });
});
