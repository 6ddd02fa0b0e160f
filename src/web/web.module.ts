import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePointsModule } from '../bridge-points/bridge-points.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { CalendarModule } from '../calendar/calendar.module';
import { MaterialsModule } from '../materials/materials.module';
import { TrainingModule } from '../training/training.module';
import { VerifyPageController } from './verify-page.controller';
import { AssetsController } from './assets.controller';
import { BoardFeed } from './board-feed';
import { BoardStreams } from './board-streams';
import { BoardPageController } from './board-page.controller';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { ConfirmPageController } from './confirm-page.controller';
import { ConfirmPageService } from './confirm-page.service';
import { RegistrationConfirmPageController } from './registration-confirm-page.controller';
import { RegistrationConfirmPageService } from './registration-confirm-page.service';
import { RsvpPageController } from './rsvp-page.controller';
import { RsvpPageService } from './rsvp-page.service';
import { SessionPagesController } from './session-pages.controller';
import { SessionPagesService } from './session-pages.service';

/** The server-rendered pages: bridge-point confirmation, RSVP, self-registration confirmation, the status board (with its data and live stream) and a session's hall screen with the page its QR code opens. */
@Module({
  imports: [BridgePointsModule, AttendeesModule, CalendarModule, AuthModule, ConferencesModule, TrainingModule, MaterialsModule],
  controllers: [AssetsController, ConfirmPageController, RsvpPageController, RegistrationConfirmPageController, BoardPageController, BoardController, SessionPagesController, VerifyPageController],
  providers: [ConfirmPageService, RsvpPageService, RegistrationConfirmPageService, BoardRepository, BoardService, BoardFeed, BoardStreams, SessionPagesService],
})
export class WebModule {}
