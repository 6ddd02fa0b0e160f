import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { SeedingService } from './seeding/seeding.service';

/** `npm run seed`: migrates, then upserts reference data and the first admin; safe to run again. */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['log', 'error', 'warn'] });
  const report = await app.get(SeedingService).seed();
  // eslint-disable-next-line no-console
  console.log(JSON.stringify(report));
  await app.close();
}

void seed();
