import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AttendanceWindow } from './attendance-window';
import { ConferenceCalendarSteps } from './conference-calendar-steps';
import { ConferenceCloneSteps } from './conference-clone-steps';
import { ConferenceDemoWriter } from './conference-demo.writer';
import { ConferenceMoveSteps } from './conference-move-steps';
import { ConferencePoints } from './conference-points';
import { ConferenceRemovalSteps } from './conference-removal-steps';
import { Conference } from './conference.entity';
import { ConferenceRepository } from './conference.repository';
import { ConferenceStateRepository } from './conference-state.repository';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference]), AuditModule],
  controllers: [ConferencesController],
  providers: [ConferencesService, ConferenceRepository, ConferenceStateRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps, ConferenceCalendarSteps, ConferencePoints, ConferenceDemoWriter],
  exports: [ConferencesService, ConferenceStateRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps, ConferenceCalendarSteps, ConferencePoints, ConferenceDemoWriter],
})
export class ConferencesModule {}
