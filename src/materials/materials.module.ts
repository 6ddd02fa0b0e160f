import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { registerMultipartOn } from '../common/import-upload';
import { ConferencesModule } from '../conferences/conferences.module';
import { Conference } from '../conferences/conference.entity';
import { OutboxModule } from '../outbox/outbox.module';
import { StorageModule } from '../storage/storage.module';
import { MaterialLinksService } from './material-links.service';
import { Material, MaterialDownload } from './material.entity';
import { MaterialsController } from './materials.controller';
import { MaterialsRepository } from './materials.repository';
import { MaterialsService } from './materials.service';
import { PublicBridgePointMaterialsController, PublicRsvpMaterialsController } from './public-materials.controller';

/** Conference materials (tài liệu hội nghị): upload, the links' downloads and their log, and the mails about them. */
@Module({
  imports: [
    // Conferences, agenda items, points and delegates are read here, not written.
    TypeOrmModule.forFeature([Material, MaterialDownload, Conference, AgendaItem, BridgePoint, Attendee]),
    AuditModule,
    AuthModule,
    OutboxModule,
    StorageModule,
    ConferencesModule,
  ],
  controllers: [MaterialsController, PublicBridgePointMaterialsController, PublicRsvpMaterialsController],
  providers: [MaterialsService, MaterialLinksService, MaterialsRepository],
  exports: [MaterialLinksService, MaterialsRepository, MaterialsService],
})
export class MaterialsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Materials are multipart uploads. */
  onModuleInit(): void {
    registerMultipartOn(this.adapterHost);
  }
}
