import { aConference, aMainPoint } from '../factories';
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
  const conference = await api.expect(201, 'POST', '/api/conferences', aConference({ startsAt: '2030-07-15T08:00:00+07:00', endsAt: '2030-07-15T11:30:00+07:00' }));
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

/** The real id for a path parameter of a route: `{id}` means a different thing under each resource. */
export function idResolver(f: Fixture): (path: string, param: string) => string {
  return (path, param) => {
    switch (param) {
      case 'bpId':
        return f.bridgePointId;
      case 'attendeeId':
        return f.attendeeId;
      case 'itemId':
        return path.includes('agenda-items') ? f.agendaItemId : f.conferenceId;
      case 'token':
        if (path.includes('/rsvp/')) return f.rsvpToken;
        if (path.includes('/calendar/')) return f.calendarToken;
        return f.bridgePointToken;
      case 'code':
        return '24';
      case 'expiredToken':
        return f.expiredToken;
      case 'uuid':
        return f.conferenceId;
      case 'id':
        if (path.startsWith('/api/users')) return f.userId;
        if (path.startsWith('/api/speakers')) return f.speakerId;
        return f.conferenceId;
      default:
        return f.conferenceId;
    }
  };
}
