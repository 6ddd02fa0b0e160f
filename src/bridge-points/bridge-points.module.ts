import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BridgePointCopies } from './bridge-point-copies';
import { BridgePointLookups } from './bridge-point-lookups';
import { BridgePointRepository } from './bridge-point.repository';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OutboxModule } from '../outbox/outbox.module';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { registerMultipartOn } from '../common/import-upload';
import { BridgePointContactsImportService } from './bridge-point-contacts-import.service';
import { BridgePointDemoWriter } from './bridge-point-demo.writer';
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
  providers: [BridgePointCopies, BridgePointLookups, BridgePointRepository, BridgePointsService, PublicBridgePointsService, BridgePointSummaryRepository, SummaryCache, BridgePointContactsImportService, BridgePointDemoWriter],
  exports: [BridgePointsService, PublicBridgePointsService, SummaryCache, BridgePointContactsImportService, BridgePointDemoWriter],
})
export class BridgePointsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** The contacts import reads multipart uploads; there is no HTTP server in the seed command's context. */
  onModuleInit(): void {
    registerMultipartOn(this.adapterHost);
  }
}
