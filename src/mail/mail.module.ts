import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { Conference } from '../conferences/conference.entity';
import { AppConfig } from '../config/app-config';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxModule } from '../outbox/outbox.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { MailComposer } from './mail-composer';
import { MailDispatcher } from './mail-dispatcher';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';
import { Reminders } from './reminders';

/** Sending: the dispatcher, the composer, the transport (SMTP or .eml files) and the delivery API. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessage, DeliveryAttempt, Conference, Attendee, BridgePoint, AgendaItem, AgendaItemSpeaker, Speaker]),
    OutboxModule,
    AuthModule,
    CalendarModule,
    AttendeesModule,
  ],
  controllers: [DeliveriesController],
  providers: [
    DeliveriesService,
    MailComposer,
    MailDispatcher,
    Reminders,
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.smtpUrl ? new SmtpMailTransport(config) : new FileMailTransport(config)),
    },
  ],
  exports: [MailDispatcher, OutboxModule, DeliveriesService],
})
export class MailModule {}
