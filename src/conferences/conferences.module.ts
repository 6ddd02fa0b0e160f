import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { AttendanceWindow } from './attendance-window';
import { ConferenceCalendarSteps } from './conference-calendar-steps';
import { ConferenceCloneSteps } from './conference-clone-steps';
import { ConferenceMoveSteps } from './conference-move-steps';
import { ConferenceRemovalSteps } from './conference-removal-steps';
import { Conference } from './conference.entity';
import { ConferenceRepository } from './conference.repository';
import { ConferenceStateRepository } from './conference-state.repository';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, BridgePoint]), AuditModule],
  controllers: [ConferencesController],
  providers: [ConferencesService, ConferenceRepository, ConferenceStateRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps, ConferenceCalendarSteps],
  exports: [ConferencesService, ConferenceStateRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps, ConferenceCalendarSteps],
})
export class ConferencesModule {}
