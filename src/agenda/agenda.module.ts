import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaCopies } from './agenda-copies';
import { AgendaMoves } from './agenda-moves';
import { AuditModule } from '../audit/audit.module';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { AgendaItemRecords } from './agenda-item-records';
import { AgendaItemSpeaker } from './agenda-item-speaker.entity';
import { AgendaItem } from './agenda-item.entity';
import { AgendaItemRepository } from './agenda-item.repository';
import { AgendaItemsController } from './agenda-items.controller';
import { AgendaItemsService } from './agenda-items.service';
import { AgendaDemoWriter } from './agenda-demo.writer';
import { SpeakersController } from './speakers.controller';
import { SpeakersService } from './speakers.service';
import { Speaker } from './speaker.entity';

@Module({
  imports: [
    // Conference is read here (locks), not owned.
    TypeOrmModule.forFeature([AgendaItem, AgendaItemSpeaker, Speaker, Conference]),
    ConferencesModule,
    AuditModule,
  ],
  controllers: [AgendaItemsController, SpeakersController],
  providers: [AgendaCopies, AgendaMoves, AgendaItemRepository, AgendaItemsService, SpeakersService, AgendaItemRecords, AgendaDemoWriter],
  exports: [AgendaItemsService, SpeakersService, AgendaItemRecords, AgendaDemoWriter],
})
export class AgendaModule {}
