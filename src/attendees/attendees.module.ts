import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { BridgePointsModule } from '../bridge-points/bridge-points.module';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AttendeeCalendarNotices } from './attendee-calendar-notices';
import { AttendeeDemoWriter } from './attendee-demo.writer';
import { AttendeeInvitations } from './attendee-invitations';
import { AttendeeRepository } from './attendee.repository';
import { Attendee } from './attendee.entity';
import { AttendeesController } from './attendees.controller';
import { AttendeesService } from './attendees.service';
import { PublicRsvpController } from './public-rsvp.controller';
import { PublicRsvpService } from './public-rsvp.service';
import { PublicRegistrationConfirmationsController } from './public-registration-confirmations.controller';
import { PublicRegistrationController } from './public-registration.controller';
import { RegistrationConfirmationLinks } from './registration-confirmation-links';
import { RegistrationRequest } from './registration-request.entity';
import { RegistrationService } from './registration.service';
import { Waitlist } from './waitlist';

@Module({
  imports: [TypeOrmModule.forFeature([Attendee, BridgePoint, Conference, AgendaItem, RegistrationRequest]), AuditModule, AuthModule, BridgePointsModule, ConferencesModule, OutboxModule],
  controllers: [AttendeesController, PublicRsvpController, PublicRegistrationController, PublicRegistrationConfirmationsController],
  providers: [AttendeeRepository, AttendeeCalendarNotices, AttendeesService, PublicRsvpService, RegistrationService, Waitlist, AttendeeInvitations, RegistrationConfirmationLinks, AttendeeDemoWriter],
  exports: [AttendeesService, PublicRsvpService, RegistrationService, Waitlist, AttendeeInvitations, RegistrationConfirmationLinks, AttendeeDemoWriter],
})
export class AttendeesModule {}
