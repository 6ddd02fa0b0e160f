import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { listenForHealth } from './worker-health';

/**
 * APP_ROLE=worker: the app's modules without an HTTP server (no routes are registered), so the
 * mail dispatcher, reminders and the calendar-reply reader run on a thread of their own, and a
 * plain health server. Started by main.ts, alone or as the child of APP_ROLE=all.
 */
export async function runWorker(): Promise<void> {
  const context = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks();
  const config = context.get(AppConfig);
  const health = await listenForHealth(context.get(DataSource), config.port, config.host);
  const logger = new NestLogger('Worker');
  logger.log(`worker ${process.pid} running (mail dispatch, reminders, calendar replies); health on port ${health.port}`);
  // Started by APP_ROLE=all: when that process goes (even by SIGKILL) its IPC channel closes, and
  // the worker stops too rather than run on unsupervised.
  if (process.send) {
    process.once('disconnect', () => {
      logger.warn('the API process is gone; stopping');
      health.server.close();
      void context.close().finally(() => process.exit(0));
    });
  }
}
