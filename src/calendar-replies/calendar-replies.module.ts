import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { Conference } from '../conferences/conference.entity';
import { CalendarRepliesController } from './calendar-replies.controller';
import { CalendarRepliesService } from './calendar-replies.service';
import { CalendarReplyReader } from './calendar-reply-reader';
import { CalendarReply } from './calendar-reply.entity';

/** Calendar replies read from the organizer mailbox (IMAP_URL) and applied through the attendees' RSVP rule. */
@Module({
  imports: [
    // Attendees and conferences are read here to match a reply; they change only through AttendeesService.
    TypeOrmModule.forFeature([CalendarReply, Attendee, Conference]),
    AttendeesModule,
    CalendarModule,
    AuthModule,
  ],
  controllers: [CalendarRepliesController],
  providers: [CalendarRepliesService, CalendarReplyReader],
  exports: [CalendarRepliesService],
})
export class CalendarRepliesModule {}
