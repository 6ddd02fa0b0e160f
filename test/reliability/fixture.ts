import { aConference, anActionItem, anAwardDecision, anAwardRecipient, aMainPoint } from '../factories';
import { ApiClient, signToken } from './running-app';

/** Real ids and tokens of one of everything, so generated requests reach past the id look-ups. */
export interface Fixture {
  conferenceId: string;
  bridgePointId: string;
  attendeeId: string;
  agendaItemId: string;
  speakerId: string;
  userId: string;
  bridgePointToken: string;
  rsvpToken: string;
  calendarToken: string;
  expiredToken: string;
  viewerId: string;
}

export const TEST_JWT_SECRET = 'reliability-secret-that-is-long-enough-0123456789';

export async function buildFixture(api: ApiClient): Promise<Fixture> {
  // Self-registration on, so that its public routes answer (a conference without it has no registration to show).
  const conference = await api.expect(
    201,
    'POST',
    '/api/conferences',
    aConference({ startsAt: '2030-07-15T08:00:00+07:00', endsAt: '2030-07-15T11:30:00+07:00', registration: { enabled: true } }),
  );
  const conferenceId: string = conference.body.id;
  const point = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/bridge-points`, aMainPoint());
  const bridgePointId: string = point.body.id;
  const speaker = await api.expect(201, 'POST', '/api/speakers', { fullName: 'Nguyễn Văn Diễn', title: 'Phó Trưởng Ban', organization: 'Ban Dân vận Trung ương' });
  const agenda = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/agenda-items`, {
    startsAt: '2030-07-15T08:00:00+07:00',
    endsAt: '2030-07-15T08:30:00+07:00',
    title: 'Khai mạc Hội nghị',
    kind: 'opening',
    speakerIds: [speaker.body.id],
    attendanceRequired: true,
  });
  const attendee = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/attendees`, {
    bridgePointId,
    fullName: 'Trần Thị Đại Biểu',
    email: 'dai.bieu@example.vn',
    role: 'delegate',
  });
  const attendeeId: string = attendee.body.id;
  const user = await api.expect(201, 'POST', '/api/users', { email: 'van.hanh@example.vn', password: 'mat-khau-du-dai', fullName: 'Lê Văn Hành', role: 'operator', bridgePointIds: [bridgePointId] });
  const viewer = await api.expect(201, 'POST', '/api/users', { email: 'xem@example.vn', password: 'mat-khau-du-dai', fullName: 'Phạm Thị Xem', role: 'viewer' });
  const bpLink = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/bridge-points/${bridgePointId}/links`, {});
  const rsvpLink = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/attendees/${attendeeId}/links`, {});
  const calendarLink = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/attendees/${attendeeId}/calendar-link`, {});
  const me = await api.expect(200, 'GET', '/api/auth/me');
  const past = Math.floor(Date.now() / 1000) - 3600;
  return {
    conferenceId,
    bridgePointId,
    attendeeId,
    agendaItemId: agenda.body.id,
    speakerId: speaker.body.id,
    userId: user.body.id,
    viewerId: viewer.body.id,
    bridgePointToken: bpLink.body.token,
    rsvpToken: rsvpLink.body.token,
    calendarToken: calendarLink.body.token,
    expiredToken: signToken(TEST_JWT_SECRET, { sub: me.body.id, role: 'admin', iat: past - 60, exp: past }),
  };
}

/**
 * The fixture plus what authorization checks need: a bearer token per kind of caller, a second
 * bridge point of the same conference with its own operator, an operator of another conference
 * only, every remaining kind of id (award decision and recipient, action item, delivery, import
 * job), and signed links that are revoked or expired. The conference is published, its minutes
 * approved and its conclusion notice drafted, so every read has something to read.
 */
export interface AccessFixture extends Fixture {
  organizerToken: string;
  viewerToken: string;
  /** The operator of `bridgePointId`. */
  ownOperatorToken: string;
  /** The operator of `otherBridgePointId`, a point of the same conference. */
  otherOperatorToken: string;
  /** An operator whose only point belongs to `outsiderConferenceId`. */
  outsiderOperatorToken: string;
  /** Signed for an organizer who has since been deactivated. */
  deactivatedToken: string;
  otherBridgePointId: string;
  outsiderConferenceId: string;
  /** A second attendee of `bridgePointId`, whose links are revoked. */
  spareAttendeeId: string;
  awardDecisionId: string;
  /** Presented at `bridgePointId`. */
  awardRecipientId: string;
  /** Assigned to `bridgePointId`. */
  actionItemId: string;
  deliveryId: string;
  importJobId: string;
  revokedBridgePointToken: string;
  expiredBridgePointToken: string;
  revokedRsvpToken: string;
  expiredRsvpToken: string;
  revokedCalendarToken: string;
  expiredCalendarToken: string;
  /** A training under way now whose one delegate attended its one session and holds `certificateId`. */
  trainingConferenceId: string;
  certificateId: string;
  certificateCode: string;
  /** A PDF of the fixture's conference for everybody (audience all). */
  materialId: string;
}

/** A training that started 20 minutes ago, its session 10 minutes ago: its one delegate was present and is certified. */
async function aCertificate(api: ApiClient): Promise<{ conferenceId: string; id: string; code: string }> {
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const training = await api.expect(201, 'POST', '/api/conferences', aConference({ title: 'Lớp bồi dưỡng nghiệp vụ công tác dân vận', kind: 'training', startsAt: at(-20), endsAt: at(180) }));
  const id: string = training.body.id;
  const point = await api.expect(201, 'POST', `/api/conferences/${id}/bridge-points`, aMainPoint());
  const session = await api.expect(201, 'POST', `/api/conferences/${id}/agenda-items`, { startsAt: at(-10), endsAt: at(60), kind: 'report', title: 'Chuyên đề 1', attendanceRequired: true });
  await api.expect(200, 'POST', `/api/conferences/${id}/publish`, {});
  const person = await api.expect(201, 'POST', `/api/conferences/${id}/attendees`, { bridgePointId: point.body.id, fullName: 'Hoàng Văn Học', role: 'delegate' });
  await api.expect(200, 'POST', `/api/conferences/${id}/agenda-items/${session.body.id}/attendance`, { attendeeId: person.body.id, status: 'present' });
  await api.expect(200, 'POST', `/api/conferences/${id}/certificates`, { office: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', signerName: 'Trương Thanh Huyền', signerTitle: 'Trưởng ban', place: 'Hà Tĩnh' });
  const [certificate] = (await api.expect(200, 'GET', `/api/conferences/${id}/certificates`)).body.items;
  return { conferenceId: id, id: certificate.id, code: certificate.code };
}

const PASSWORD = 'mat-khau-du-dai';

export async function buildAccessFixture(api: ApiClient): Promise<AccessFixture> {
  const f = await buildFixture(api);
  const conference = `/api/conferences/${f.conferenceId}`;
  const other = await api.expect(201, 'POST', `${conference}/bridge-points`, { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' });
  const otherBridgePointId: string = other.body.id;
  const outsider = await api.expect(201, 'POST', '/api/conferences', aConference({ title: 'Hội nghị tập huấn nghiệp vụ dân vận', startsAt: '2030-08-01T08:00:00+07:00', endsAt: '2030-08-01T11:30:00+07:00' }));
  const outsiderPoint = await api.expect(201, 'POST', `/api/conferences/${outsider.body.id}/bridge-points`, aMainPoint());

  const users = [
    { email: 'to.chuc@example.vn', fullName: 'Đỗ Văn Tổ Chức', role: 'organizer' },
    { email: 'van.hanh.bac.ninh@example.vn', fullName: 'Vũ Thị Bắc Ninh', role: 'operator', bridgePointIds: [otherBridgePointId] },
    { email: 'van.hanh.ngoai@example.vn', fullName: 'Hoàng Văn Ngoài', role: 'operator', bridgePointIds: [outsiderPoint.body.id] },
  ];
  for (const user of users) await api.expect(201, 'POST', '/api/users', { ...user, password: PASSWORD });
  const login = async (email: string) => (await api.expect(200, 'POST', '/api/auth/login', { email, password: PASSWORD })).body.accessToken as string;
  const leaver = await api.expect(201, 'POST', '/api/users', { email: 'nghi.viec@example.vn', fullName: 'Trịnh Văn Nghỉ', role: 'organizer', password: PASSWORD });
  const deactivatedToken = await login('nghi.viec@example.vn');
  await api.expect(200, 'PATCH', `/api/users/${leaver.body.id}`, { version: leaver.body.version, active: false });

  const decision = await api.expect(201, 'POST', `${conference}/award-decisions`, {
    ...anAwardDecision({ signedAt: '2030-07-01' }),
    recipients: [anAwardRecipient({ bridgePointId: f.bridgePointId })],
  });

  // Links that no longer open anything: revoked (the second point's; the spare attendee's) and expiring in a moment.
  const revokedPoint = await api.expect(201, 'POST', `${conference}/bridge-points/${otherBridgePointId}/links`, { sendEmail: false });
  await api.expect(200, 'DELETE', `${conference}/bridge-points/${otherBridgePointId}/links`);
  const spare = await api.expect(201, 'POST', `${conference}/attendees`, { bridgePointId: f.bridgePointId, fullName: 'Ngô Thị Dự Phòng', email: 'du.phong@example.vn', role: 'guest' });
  const spareAttendee = `${conference}/attendees/${spare.body.id}`;
  const revokedRsvp = await api.expect(201, 'POST', `${spareAttendee}/links`, {});
  const revokedCalendar = await api.expect(201, 'POST', `${spareAttendee}/calendar-link`, {});
  await api.expect(200, 'DELETE', `${spareAttendee}/links`);
  const soon = new Date(Date.now() + 1_500);
  const expiresAt = soon.toISOString();
  const attendee = `${conference}/attendees/${f.attendeeId}`;
  const expiredPoint = await api.expect(201, 'POST', `${conference}/bridge-points/${f.bridgePointId}/links`, { expiresAt, sendEmail: false });
  const expiredRsvp = await api.expect(201, 'POST', `${attendee}/links`, { expiresAt });
  const expiredCalendar = await api.expect(201, 'POST', `${attendee}/calendar-link`, { expiresAt });

  const importJobId = await dryRunImport(api, f.conferenceId, f.bridgePointId);

  await api.expect(200, 'POST', `${conference}/publish`, {});
  await api.expect(202, 'POST', `${conference}/invitations`, { scope: 'ids', ids: [f.attendeeId] });
  const deliveries = await api.expect(200, 'GET', `${conference}/deliveries`);
  const deliveryId: string = deliveries.body.items[0].id;
  // Sent before the fixture is handed over, so the dispatcher changes nothing behind a test's back.
  for (let tries = 0; ; tries++) {
    const { status } = (await api.expect(200, 'GET', `${conference}/deliveries/${deliveryId}`)).body;
    if (status === 'sent') break;
    if (tries === 300) throw new Error(`the invitation was not sent within 30 s (${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const actionItem = await api.expect(201, 'POST', `${conference}/action-items`, anActionItem({ deadline: '2030-12-31', assigneeBridgePointId: f.bridgePointId }));
  const minutes = await api.expect(201, 'POST', `${conference}/minutes`, {});
  await api.expect(200, 'POST', `${conference}/minutes/approve`, { version: minutes.body.version });
  await api.expect(201, 'POST', `${conference}/conclusion-notice`, {});

  const wait = soon.getTime() + 100 - Date.now();
  const certificate = await aCertificate(api);
  const materialId = await aMaterial(api, f.conferenceId);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return {
    ...f,
    organizerToken: await login('to.chuc@example.vn'),
    viewerToken: await login('xem@example.vn'),
    ownOperatorToken: await login('van.hanh@example.vn'),
    otherOperatorToken: await login('van.hanh.bac.ninh@example.vn'),
    outsiderOperatorToken: await login('van.hanh.ngoai@example.vn'),
    deactivatedToken,
    otherBridgePointId,
    outsiderConferenceId: outsider.body.id,
    spareAttendeeId: spare.body.id,
    awardDecisionId: decision.body.id,
    awardRecipientId: decision.body.recipients[0].id,
    actionItemId: actionItem.body.id,
    deliveryId,
    importJobId,
    revokedBridgePointToken: revokedPoint.body.token,
    expiredBridgePointToken: expiredPoint.body.token,
    revokedRsvpToken: revokedRsvp.body.token,
    expiredRsvpToken: expiredRsvp.body.token,
    revokedCalendarToken: revokedCalendar.body.token,
    expiredCalendarToken: expiredCalendar.body.token,
    trainingConferenceId: certificate.conferenceId,
    certificateId: certificate.id,
    certificateCode: certificate.code,
    materialId,
  };
}

/** A small PDF for everybody, uploaded as a browser would (multipart). */
async function aMaterial(api: ApiClient, conferenceId: string): Promise<string> {
  const { baseUrl } = api as unknown as { baseUrl: string };
  const form = new FormData();
  form.append('title', 'Báo cáo sơ kết công tác dân vận');
  form.append('audience', 'all');
  form.append('file', new Blob(['%PDF-1.7\n% Báo cáo\n%%EOF\n'], { type: 'application/pdf' }), 'Báo cáo sơ kết.pdf');
  const res = await fetch(`${baseUrl}/api/conferences/${conferenceId}/materials`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form });
  const material = (await res.json()) as { id?: string };
  if (res.status !== 201 || !material.id) throw new Error(`the material upload answered ${res.status}: ${JSON.stringify(material).slice(0, 300)}`);
  return material.id;
}

/** A dry-run import of one row: it writes no attendee, only the job whose id the import-jobs route needs. */
async function dryRunImport(api: ApiClient, conferenceId: string, bridgePointId: string): Promise<string> {
  // The client speaks JSON only; a multipart upload goes through fetch with the client's own address and token.
  const { baseUrl } = api as unknown as { baseUrl: string };
  const form = new FormData();
  form.append('dryRun', 'true');
  form.append('bridgePointId', bridgePointId);
  form.append('file', new Blob(['Họ và tên,Email\nLý Văn Nhập,nhap@example.vn\n'], { type: 'text/csv' }), 'dai-bieu.csv');
  const res = await fetch(`${baseUrl}/api/conferences/${conferenceId}/attendees/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  const report = (await res.json()) as { jobId?: string };
  if (res.status !== 201 || !report.jobId) throw new Error(`the dry-run import answered ${res.status}: ${JSON.stringify(report).slice(0, 300)}`);
  return report.jobId;
}

/** The real id for a path parameter of a route: `{id}` means a different thing under each resource. */
export function idResolver(f: Fixture & Partial<AccessFixture>): (path: string, param: string) => string {
  return (path, param) => {
    switch (param) {
      case 'bpId':
        return f.bridgePointId;
      case 'attendeeId':
        return f.attendeeId;
      case 'itemId':
        if (path.includes('agenda-items') || path.includes('/sessions/')) return f.agendaItemId;
        return f.actionItemId ?? f.conferenceId;
      case 'decisionId':
        return f.awardDecisionId ?? f.conferenceId;
      case 'recipientId':
        return f.awardRecipientId ?? f.conferenceId;
      case 'deliveryId':
        return f.deliveryId ?? f.conferenceId;
      case 'jobId':
        return f.importJobId ?? f.conferenceId;
      case 'token':
        if (path.includes('/rsvp/')) return f.rsvpToken;
        if (path.includes('/calendar/')) return f.calendarToken;
        return f.bridgePointToken;
      case 'code':
        if (path.includes('/certificates/') || path.startsWith('/verify/')) return f.certificateCode ?? '24';
        return '24';
      case 'certId':
        return f.certificateId ?? f.conferenceId;
      case 'materialId':
        return f.materialId ?? f.conferenceId;
      case 'expiredToken':
        return f.expiredToken;
      case 'uuid':
        return f.conferenceId;
      case 'id':
        if (path.startsWith('/api/users')) return f.userId;
        if (path.includes('/certificates')) return f.trainingConferenceId ?? f.conferenceId;
        if (path.startsWith('/api/speakers')) return f.speakerId;
        return f.conferenceId;
      default:
        return f.conferenceId;
    }
  };
}
