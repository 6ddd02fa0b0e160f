import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePointsModule } from '../bridge-points/bridge-points.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { ConsoleAssetsController } from './console-assets.controller';
import { ConsoleConferencesController } from './console-conferences.controller';
import { ConsoleConferencesService } from './console-conferences.service';
import { ConsoleLoginController } from './console-login.controller';
import { ConsoleLoginService } from './console-login.service';
import { ConsolePointsController } from './console-points.controller';
import { ConsolePointsService } from './console-points.service';
import { ConsoleSessions } from './console-sessions';
import { ConsoleGuard } from './console.guard';

/** The organizer console (`/console`): server-rendered pages over the same services as the API, signed in by cookie. */
@Module({
  imports: [AuthModule, ConferencesModule, BridgePointsModule, AttendeesModule],
  controllers: [ConsoleAssetsController, ConsoleLoginController, ConsoleConferencesController, ConsolePointsController],
  providers: [ConsoleSessions, ConsoleGuard, ConsoleLoginService, ConsoleConferencesService, ConsolePointsService],
})
export class ConsoleModule {}
