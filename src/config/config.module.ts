import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

const nodeEnv = process.env.NODE_ENV ?? 'development';

/**
 * Loads `config/<NODE_ENV>.env` then `config/default.env` into the environment (real
 * environment variables win), validates it, and provides the typed {@link AppConfig}.
 */
@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      envFilePath: [`config/${nodeEnv}.env`, 'config/default.env'],
      validate: validateEnvironment,
    }),
  ],
  providers: [{ provide: AppConfig, useFactory: () => new AppConfig(validateEnvironment(process.env)) }],
  exports: [AppConfig],
})
export class ConfigModule {}
