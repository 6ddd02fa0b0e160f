import { fork } from 'node:child_process';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfig } from './config/app-config';
import { validateEnvironment } from './config/environment';
import { runWorker } from './roles/worker';
import { WorkerSupervisor } from './roles/worker-supervisor';

async function bootstrap(): Promise<void> {
  // Importing ./app has loaded config/*.env into the environment.
  const config = new AppConfig(validateEnvironment(process.env));
  if (config.role === 'worker') return runWorker();
  const separate = config.workerProcess.separate;
  // APP_ROLE=all on two processes: this one is the API, the worker is its child.
  if (separate) process.env.APP_ROLE = 'api';
  const app = await createApp({ shutdownHooks: !separate });
  await app.listen(config.port, config.host);
  const logger = new Logger('Bootstrap');
  logger.log(
    `Hội nghị listening on ${config.publicBaseUrl} (database: ${config.database.type}, role: ${separate ? 'api, with a worker process' : config.role}); API docs at ${config.publicBaseUrl}/docs`,
  );
  if (!separate) return;

  // Started once the API has migrated and seeded, so the two never race on a fresh database.
  const supervisor = new WorkerSupervisor(() =>
    fork(__filename, process.argv.slice(2), {
      env: { ...process.env, APP_ROLE: 'worker', PORT: String(config.workerProcess.port), PUBLIC_BASE_URL: config.publicBaseUrl },
      execArgv: process.execArgv,
    }),
  );
  supervisor.start();
  let stopping: Promise<void> | null = null;
  const stop = (signal: NodeJS.Signals) => {
    stopping ??= (async () => {
      logger.log(`${signal}: stopping the API and the worker`);
      await Promise.allSettled([supervisor.stop(), app.close()]);
      process.exit(0);
    })();
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

void bootstrap();
