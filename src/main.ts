import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  new Logger('Bootstrap').log(
    `Hội nghị listening on ${config.publicBaseUrl} (database: ${config.database.type}); API docs at ${config.publicBaseUrl}/docs`,
  );
}

void bootstrap();
