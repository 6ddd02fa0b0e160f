import { Injectable } from '@nestjs/common';
import { confirmationAfter, ConfirmationAction } from '../bridge-points/bridge-point-confirmation';
import { AttendanceDto, ConfirmBridgePointDto, ConnectionCheckDto, DeclineBridgePointDto } from '../bridge-points/bridge-point.dto';
import { PublicBridgePointsService, PublicBridgePointView } from '../bridge-points/public-bridge-points.service';
import { ATTENDANCE_REPORT } from '../bridge-points/bridge-points.service';
import { AttendanceWindow } from '../conferences/attendance-window';
import { isClosed } from '../conferences/conference-lifecycle';
import { ConferenceStatus } from '../conferences/conference.entity';
import { CONFIRM_FORMS, ConfirmAction, confirmPage, ConfirmPageState } from './confirm-page';
import { FormFields } from './form-body';
import { readForm } from './page-form';
import { PageResult, problemMessage, refusalOf } from './page-result';
import { FormState } from './widgets';
import { MaterialLinksService } from '../materials/material-links.service';

/** Whether the confirmation rule lets the point take this step now (the rule decides, the page only asks). */
function allows(view: PublicBridgePointView, action: ConfirmationAction): boolean {
  try {
    confirmationAfter(view.bridgePoint, action);
    return true;
  } catch {
    return false;
  }
}

/** The bridge-point confirmation page: shows the signed link's point and turns its forms into service calls. */
@Injectable()
export class ConfirmPageService {
  constructor(
    private readonly points: PublicBridgePointsService,
    private readonly window: AttendanceWindow,
    private readonly materials: MaterialLinksService,
  ) {}

  async show(token: string, done?: ConfirmAction): Promise<PageResult> {
    const view = await this.points.view(token);
    return { status: 200, html: this.render(token, view, { done, materials: (await this.materials.list('bridge_point', token)).items }) };
  }

  async submit(token: string, action: ConfirmAction, fields: FormFields | undefined): Promise<PageResult> {
    const read = await this.read(action, fields);
    if (read.errors && Object.keys(read.errors).length > 0) {
      return this.again(token, action, { values: read.values, errors: read.errors }, 400);
    }
    try {
      await this.apply(token, action, read.dto);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return this.again(token, action, { values: read.values, errors: {}, problem: problemMessage(refusal) }, refusal.status);
    }
    return { redirect: `/bridge-points/confirm/${token}?xong=${action}` };
  }

  private read(action: ConfirmAction, fields: FormFields | undefined) {
    const spec = CONFIRM_FORMS[action];
    switch (action) {
      case 'confirm':
        return readForm(ConfirmBridgePointDto, spec, fields);
      case 'decline':
        return readForm(DeclineBridgePointDto, spec, fields);
      case 'connection-check':
        return readForm(ConnectionCheckDto, spec, fields);
      case 'attendance':
        return readForm(AttendanceDto, spec, fields);
    }
  }

  private async apply(token: string, action: ConfirmAction, dto: unknown): Promise<void> {
    switch (action) {
      case 'confirm':
        await this.points.confirm(token, dto as ConfirmBridgePointDto);
        return;
      case 'decline':
        await this.points.decline(token, dto as DeclineBridgePointDto);
        return;
      case 'connection-check':
        await this.points.connectionCheck(token, dto as ConnectionCheckDto);
        return;
      case 'attendance':
        await this.points.attendance(token, dto as AttendanceDto);
        return;
    }
  }

  private async again(token: string, action: ConfirmAction, form: FormState, status: number): Promise<PageResult> {
    const view = await this.points.view(token);
    return { status, html: this.render(token, view, { failed: { action, form }, materials: (await this.materials.list('bridge_point', token)).items }) };
  }

  private render(token: string, view: PublicBridgePointView, state: Pick<ConfirmPageState, 'done' | 'failed' | 'materials'>): string {
    const conference = {
      status: view.conference.status as ConferenceStatus,
      startsAt: new Date(view.conference.startsAt),
      timezone: view.conference.timezone,
    };
    return confirmPage(token, view, {
      ...state,
      canConfirm: allows(view, 'confirm'),
      canDecline: allows(view, 'decline'),
      closed: isClosed(conference.status),
      attendanceOpensNote: this.window.isOpen(conference) ? null : this.window.opensNote(conference, ATTENDANCE_REPORT),
    });
  }
}
