import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMultipartOn } from '../common/import-upload';
import { AuditModule } from '../audit/audit.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { AwardDecision } from './award-decision.entity';
import { AwardDecisionsController } from './award-decisions.controller';
import { AwardDecisionsRepository } from './award-decisions.repository';
import { AwardDecisionsService } from './award-decisions.service';
import { AwardForm } from './award-form.entity';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsService } from './award-forms.service';
import { AwardRecipient } from './award-recipient.entity';
import { AwardFilesController } from './award-files.controller';
import { AwardListService } from './award-list.service';
import { AwardRecipientImportService } from './award-recipient-import.service';
import { AwardRecipientWriter } from './award-recipient-writer';
import { AwardRecipientsService } from './award-recipients.service';
import { AwardsDemoSeeder } from './awards-demo.seeder';

/** Award forms, decisions and recipients; `AwardDecisionsService.listForConference` feeds the minutes. */
@Module({
  imports: [TypeOrmModule.forFeature([AwardForm, AwardDecision, AwardRecipient]), AuditModule, ConferencesModule],
  controllers: [AwardFormsController, AwardDecisionsController, AwardFilesController],
  providers: [
    AwardFormsService,
    AwardDecisionsService,
    AwardDecisionsRepository,
    AwardRecipientWriter,
    AwardRecipientsService,
    AwardRecipientImportService,
    AwardListService,
    AwardsDemoSeeder,
  ],
  exports: [AwardFormsService, AwardDecisionsService, AwardsDemoSeeder, AwardRecipientsService, AwardRecipientImportService, AwardListService],
})
export class AwardsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Recipient imports are multipart uploads. */
  onModuleInit(): void {
    registerMultipartOn(this.adapterHost);
  }
}
