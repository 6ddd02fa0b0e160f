import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { AttendeeExportService } from './attendee-export.service';
import { AttendeeFilesController } from './attendee-files.controller';
import { ImportProgress } from './attendee-import-progress';
import { AttendeeImportRepository } from './attendee-import.repository';
import { AttendeeImportService } from './attendee-import.service';
import { registerMultipartOn } from '../common/import-upload';
import { Attendee } from './attendee.entity';
import { ImportJob } from './import-job.entity';

/** Delegate lists as files: CSV/XLSX import (with jobs for large files) and export. */
@Module({
  imports: [TypeOrmModule.forFeature([Attendee, ImportJob, Conference, BridgePoint]), AuditModule, ConferencesModule],
  controllers: [AttendeeFilesController],
  providers: [AttendeeImportService, AttendeeExportService, AttendeeImportRepository, ImportProgress],
  exports: [AttendeeImportService, AttendeeExportService],
})
export class AttendeeFilesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Multipart uploads need a Fastify parser; there is no HTTP server in the seed command's context. */
  onModuleInit(): void {
    registerMultipartOn(this.adapterHost);
  }
}
