import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { redactRequest } from './common/log-redaction';
import { AdministrativeUnitsModule } from './administrative-units/administrative-units.module';
import { AgendaModule } from './agenda/agenda.module';
import { AttendeeFilesModule } from './attendees/attendee-files.module';
import { AttendeesModule } from './attendees/attendees.module';
import { AuditModule } from './audit/audit.module';
import { BridgePointsModule } from './bridge-points/bridge-points.module';
import { CalendarModule } from './calendar/calendar.module';
import { CalendarRepliesModule } from './calendar-replies/calendar-replies.module';
import { ConferencesModule } from './conferences/conferences.module';
import { ConsoleModule } from './console/console.module';
import { AuthModule } from './auth/auth.module';
import { AwardsModule } from './awards/awards.module';
import { CommonModule } from './common/common.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { AppValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { MaterialsModule } from './materials/materials.module';
import { MinutesModule } from './minutes/minutes.module';
import { SeedingModule } from './seeding/seeding.module';
import { TrainingModule } from './training/training.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // Signed-link tokens are credentials: masked in the URL, params and query of every request logged
          // (pino-http hands this the request as its standard serializer made it).
          serializers: { req: redactRequest },
          customLogLevel: (_req, res, error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
    DatabaseModule,
    AdministrativeUnitsModule,
    AuthModule,
    AwardsModule,
    AuditModule,
    ConferencesModule,
    BridgePointsModule,
    AgendaModule,
    AttendeesModule,
    AttendeeFilesModule,
    CalendarModule,
    CalendarRepliesModule,
    MailModule,
    MinutesModule,
    TrainingModule,
    MaterialsModule,
    WebModule,
    ConsoleModule,
    HealthModule,
    SeedingModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: AppValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
