import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OutboxModule } from '../mail/outbox.module';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { BridgePoint } from './bridge-point.entity';
import { BridgePointSummaryRepository } from './bridge-point-summary.repository';
import { BridgePointsController } from './bridge-points.controller';
import { BridgePointsService } from './bridge-points.service';
import { ConnectionCheck } from './connection-check.entity';
import { PublicBridgePointsController } from './public-bridge-points.controller';
import { PublicBridgePointsService } from './public-bridge-points.service';
import { SummaryCache } from './summary-cache';

@Module({
  imports: [TypeOrmModule.forFeature([BridgePoint, ConnectionCheck, Conference, AgendaItem]), AuditModule, AuthModule, OutboxModule, ConferencesModule],
  controllers: [BridgePointsController, PublicBridgePointsController],
  providers: [BridgePointsService, PublicBridgePointsService, BridgePointSummaryRepository, SummaryCache],
  exports: [BridgePointsService, PublicBridgePointsService, SummaryCache],
})
export class BridgePointsModule {}
