import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { Attendee } from '../attendees/attendee.entity';
import { AuthModule } from '../auth/auth.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { CalendarFilesService } from './calendar-files.service';
import { CalendarLinksService } from './calendar-links.service';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { PublicCalendarController } from './public-calendar.controller';

/** .ics building (CalendarService, for the mail module too), the calendar endpoints and personal feed links. */
@Module({
  imports: [
    // Read here to build calendars, owned by their own modules.
    TypeOrmModule.forFeature([AgendaItem, AgendaItemSpeaker, Speaker, Attendee, BridgePoint, Conference]),
    ConferencesModule,
    AuthModule,
  ],
  controllers: [CalendarController, PublicCalendarController],
  providers: [CalendarService, CalendarLinksService, CalendarFilesService, CalendarRepository],
  exports: [CalendarService, CalendarLinksService, CalendarFilesService],
})
export class CalendarModule {}
