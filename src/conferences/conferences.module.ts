import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../mail/outbox.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { AttendanceWindow } from './attendance-window';
import { ConferenceCloneSteps } from './conference-clone-steps';
import { ConferenceRemovalSteps } from './conference-removal-steps';
import { Conference } from './conference.entity';
import { ConferenceRepository } from './conference.repository';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, BridgePoint, AgendaItem]), AuditModule, OutboxModule],
  controllers: [ConferencesController],
  providers: [ConferencesService, ConferenceRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps],
  exports: [ConferencesService, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps],
})
export class ConferencesModule {}
