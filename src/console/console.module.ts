import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePointsModule } from '../bridge-points/bridge-points.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { MinutesModule } from '../minutes/minutes.module';
import { AwardsModule } from '../awards/awards.module';
import { TrainingModule } from '../training/training.module';
import { MaterialsModule } from '../materials/materials.module';
import { ConsoleMaterialsController } from './console-materials.controller';
import { ConsoleMaterialsService } from './console-materials.service';
import { ConsoleTrainingController } from './console-training.controller';
import { ConsoleTrainingService } from './console-training.service';
import { ConsoleAwardsController } from './console-awards.controller';
import { ConsoleAwardsService } from './console-awards.service';
import { ConsoleAgendaSpeakersService } from './console-agenda-speakers.service';
import { ConsoleAgendaController } from './console-agenda.controller';
import { ConsoleAgendaService } from './console-agenda.service';
import { ConsoleMinutesController } from './console-minutes.controller';
import { ConsoleMinutesActionsService } from './console-minutes-actions.service';
import { ConsoleMinutesService } from './console-minutes.service';
import { ConsoleAssetsController } from './console-assets.controller';
import { ConsoleConferencesController } from './console-conferences.controller';
import { ConsoleConferencesService } from './console-conferences.service';
import { ConsoleLoginController } from './console-login.controller';
import { ConsoleLoginService } from './console-login.service';
import { ConsolePointsController } from './console-points.controller';
import { ConsolePointsService } from './console-points.service';
import { ConsoleSessions } from './console-sessions';
import { ConsoleGuard } from './console.guard';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { AttendeeFilesModule } from '../attendees/attendee-files.module';
import { MailModule } from '../mail/mail.module';
import { ConsoleAttendeesController } from './console-attendees.controller';
import { ConsoleAttendeesService } from './console-attendees.service';
import { ConsoleResults } from './console-bulk';
import { ConsoleInvitationsController } from './console-invitations.controller';
import { ConsoleInvitationsService } from './console-invitations.service';
import { ConsolePointsScreenController } from './console-points-screen.controller';
import { ConsolePointsScreenService } from './console-points-screen.service';

/** The organizer console (`/console`): server-rendered pages over the same services as the API, signed in by cookie. */
@Module({
  imports: [AuthModule, ConferencesModule, BridgePointsModule, AttendeesModule, AgendaModule, MinutesModule, AwardsModule, TrainingModule, MaterialsModule, AdministrativeUnitsModule, AttendeeFilesModule, MailModule],
  controllers: [ConsoleAssetsController, ConsoleLoginController, ConsoleConferencesController, ConsolePointsController, ConsoleAgendaController, ConsoleMinutesController, ConsoleAwardsController, ConsoleTrainingController, ConsoleMaterialsController, ConsolePointsScreenController, ConsoleAttendeesController, ConsoleInvitationsController],
  providers: [ConsoleSessions, ConsoleGuard, ConsoleLoginService, ConsoleConferencesService, ConsolePointsService, ConsoleAgendaService, ConsoleAgendaSpeakersService, ConsoleMinutesService, ConsoleMinutesActionsService, ConsoleAwardsService, ConsoleTrainingService, ConsoleMaterialsService, ConsoleResults, ConsolePointsScreenService, ConsoleAttendeesService, ConsoleInvitationsService],
})
export class ConsoleModule {}
