import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../mail/outbox.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { AttendanceWindow } from './attendance-window';
import { ConferenceCloneSteps } from './conference-clone-steps';
import { ConferenceMoveSteps } from './conference-move-steps';
import { ConferenceRemovalSteps } from './conference-removal-steps';
import { Conference } from './conference.entity';
import { ConferenceRepository } from './conference.repository';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, BridgePoint]), AuditModule, OutboxModule],
  controllers: [ConferencesController],
  providers: [ConferencesService, ConferenceRepository, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps],
  exports: [ConferencesService, AttendanceWindow, ConferenceCloneSteps, ConferenceRemovalSteps, ConferenceMoveSteps],
})
export class ConferencesModule {}
