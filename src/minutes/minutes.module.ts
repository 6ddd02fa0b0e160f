import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AwardsModule } from '../awards/awards.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { ActionItem } from './action-item.entity';
import { ActionItemRepository } from './action-item.repository';
import { ActionItemsController, AssigneeActionItemsController } from './action-items.controller';
import { ActionItemsService } from './action-items.service';
import { ConclusionNoticeController } from './conclusion-notice.controller';
import { ConclusionNotice } from './conclusion-notice.entity';
import { ConclusionNoticeService } from './conclusion-notice.service';
import { MinutesAwardsReader } from './minutes-awards.reader';
import { MinutesDemoSeeder } from './minutes-demo.seeder';
import { MinutesDocumentsService } from './minutes-documents.service';
import { MinutesRevision } from './minutes-revision.entity';
import { MinutesSourceRepository } from './minutes-source.repository';
import { MinutesController } from './minutes.controller';
import { Minutes } from './minutes.entity';
import { MinutesService } from './minutes.service';

/** Minutes (biên bản), action items (nhiệm vụ), the conclusion notice and their documents. */
@Module({
  imports: [TypeOrmModule.forFeature([Minutes, MinutesRevision, ActionItem, ConclusionNotice]), ConferencesModule, AuditModule, AwardsModule],
  controllers: [MinutesController, ConclusionNoticeController, ActionItemsController, AssigneeActionItemsController],
  providers: [
    MinutesService,
    MinutesSourceRepository,
    MinutesAwardsReader,
    MinutesDocumentsService,
    ConclusionNoticeService,
    ActionItemsService,
    ActionItemRepository,
    MinutesDemoSeeder,
  ],
  exports: [MinutesDemoSeeder, MinutesService, ActionItemsService, MinutesDocumentsService],
})
export class MinutesModule {}
