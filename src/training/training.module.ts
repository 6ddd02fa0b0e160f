import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { AgendaModule } from '../agenda/agenda.module';
import { Attendee } from '../attendees/attendee.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { registerMultipartOn } from '../common/import-upload';
import { Conference } from '../conferences/conference.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CertificateController, PublicCertificateController } from './certificate.controller';
import { Certificate, CertificateRegister } from './certificate.entity';
import { CertificateService } from './certificate.service';
import { CompletionController } from './completion.controller';
import { CompletionRepository } from './completion.repository';
import { CompletionService } from './completion.service';
import { EvaluationController, PublicEvaluationController } from './evaluation.controller';
import { EvaluationForm, EvaluationResponse, EvaluationSubmission } from './evaluation.entity';
import { EvaluationService } from './evaluation.service';
import { SessionAttendanceImportService } from './session-attendance-import.service';
import { SessionAttendanceController } from './session-attendance.controller';
import { SessionAttendance } from './session-attendance.entity';
import { SessionAttendanceRepository } from './session-attendance.repository';
import { SessionAttendanceService } from './session-attendance.service';
import { PublicSessionCheckInController, SessionCheckInCodeController } from './session-check-in.controller';
import { SessionCodes } from './session-codes';
import { SessionSelfCheckInService } from './session-self-check-in.service';
import { SessionWindow } from './session-window';
import { TrainingDemoSeeder } from './training-demo.seeder';

/** Training events: attendance of their sessions (agenda items with attendanceRequired) and who completed them. */
@Module({
  imports: [
    // Conferences, agenda items, attendees and points are read here, not written.
    TypeOrmModule.forFeature([SessionAttendance, Conference, AgendaItem, Attendee, BridgePoint, EvaluationForm, EvaluationResponse, EvaluationSubmission, Certificate, CertificateRegister]),
    AuditModule,
    OutboxModule,
    AuthModule,
    ConferencesModule,
    AgendaModule,
  ],
  controllers: [CompletionController, CertificateController, PublicCertificateController, SessionAttendanceController, SessionCheckInCodeController, PublicSessionCheckInController, EvaluationController, PublicEvaluationController],
  providers: [SessionAttendanceService, SessionAttendanceRepository, SessionAttendanceImportService, SessionWindow, SessionCodes, SessionSelfCheckInService, CompletionService, CompletionRepository, EvaluationService, CertificateService, TrainingDemoSeeder],
  exports: [SessionAttendanceService, EvaluationService, CertificateService, TrainingDemoSeeder, CompletionService],
})
export class TrainingModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Sign-in sheets are multipart uploads. */
  onModuleInit(): void {
    registerMultipartOn(this.adapterHost);
  }
}
