import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { CalendarAgendaItem, CalendarAttendee, CalendarBridgePoint, CalendarConference } from './calendar-inputs';
import { CalendarService } from './calendar.service';

// A 09:00–11:30 Hà Nội conference on Tuesday 15 July 2025: 02:00–04:30 UTC.
const NOW = new Date('2025-07-01T03:04:05Z');
const CONFIG = { publicBaseUrl: 'https://hoinghi.gov.vn', mailFrom: 'Ban Tổ chức Hội nghị <hoinghi@hoinghi.gov.vn>' };
const UID = '0b9f3c1e-6d7a-4c55-9a51-3f0d2a7e8b10@hoinghi.gov.vn';

const aConference = (overrides: Partial<CalendarConference> = {}): CalendarConference => ({
  id: '0b9f3c1e-6d7a-4c55-9a51-3f0d2a7e8b10',
  title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
  status: 'published',
  startsAt: new Date('2025-07-15T09:00:00+07:00'),
  endsAt: new Date('2025-07-15T11:30:00+07:00'),
  timezone: 'Asia/Ho_Chi_Minh',
  venue: 'Hội trường Ban Dân vận Trung ương, Hà Nội',
  onlineUrl: 'https://hop.example.vn/dan-van-2025',
  hostOrganization: 'Ban Dân vận Trung ương',
  chairName: 'Trần Văn Minh',
  chairTitle: 'Trưởng Ban Dân vận Trung ương',
  cancelReason: null,
  sequence: 2,
  description: null,
  createdAt: new Date('2025-06-01T01:00:00Z'),
  updatedAt: new Date('2025-06-20T01:00:00Z'),
  ...overrides,
});

const anAgenda = (): CalendarAgendaItem[] => [
  {
    id: '7c1e0d2a-1111-4a2b-9c3d-000000000001',
    startsAt: new Date('2025-07-15T09:00:00+07:00'),
    endsAt: new Date('2025-07-15T09:10:00+07:00'),
    title: 'Khai mạc hội nghị',
    kind: 'opening',
    version: 1,
  },
  {
    id: '7c1e0d2a-1111-4a2b-9c3d-000000000002',
    startsAt: new Date('2025-07-15T09:10:00+07:00'),
    endsAt: new Date('2025-07-15T09:40:00+07:00'),
    title: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm, phương hướng 6 tháng cuối năm',
    kind: 'report',
    version: 3,
    speakerNames: ['Nguyễn Thị Hồng Hạnh'],
  },
  {
    id: '7c1e0d2a-1111-4a2b-9c3d-000000000003',
    startsAt: new Date('2025-07-15T09:40:00+07:00'),
    endsAt: new Date('2025-07-15T09:50:00+07:00'),
    title: 'Giải lao',
    kind: 'break',
    version: 1,
  },
];

const anAttendee = (overrides: Partial<CalendarAttendee> = {}): CalendarAttendee => ({
  id: '5a4c3b2a-2222-4d3e-8f00-000000000009',
  fullName: 'Nguyễn Thị Thu Hương',
  email: 'huong.ntt@bacninh.gov.vn',
  role: 'delegate',
  status: 'invited',
  code: 'K7P2QX',
  ...overrides,
});

const aPoint = (overrides: Partial<CalendarBridgePoint> = {}): CalendarBridgePoint => ({
  name: 'Điểm cầu tỉnh Bắc Ninh',
  address: 'Số 10 Phù Đổng Thiên Vương, phường Suối Hoa, tỉnh Bắc Ninh',
  ...overrides,
});

const aService = (now: Date = NOW) => new CalendarService(CONFIG as AppConfig, { now: () => now } as Clock);

/** Parses with ical.js (Thunderbird's engine), as a strict reader would. */
function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** The unfolded content lines as written, to assert the text itself rather than what a lenient parser makes of it. */
const contentLines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
const lines = (text: string, name: string) =>
  contentLines(text).filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
const veventLines = (text: string, index = 0) => {
  const all = contentLines(text);
  const starts = all.map((l, i) => (l === 'BEGIN:VEVENT' ? i : -1)).filter((i) => i >= 0);
  return all.slice(starts[index], all.indexOf('END:VEVENT', starts[index]) + 1);
};

describe('CalendarService', () => {
  const service = aService();

  describe('an invitation (METHOD:REQUEST)', () => {
    const ics = service.invite(aConference(), anAttendee(), aPoint(), anAgenda(), 'REQUEST');

    it('is RFC 5545 text: CRLF line endings only, lines of at most 75 octets, a final CRLF', () => {
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hoi nghi//Lich hoi nghi//VI\r\n')).toBe(true);
    });

    it('folds long Vietnamese text between characters, never inside one', () => {
      const folded = ics.split('\r\n');
      for (const line of folded) expect(line).not.toContain('\uFFFD');
      expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);
      expect(parseIcs(ics).events[0].summary).toBe(aConference().title);
    });

    it('says REQUEST, with the stable UID, the revision as SEQUENCE and DTSTAMP in UTC', () => {
      expect(lines(ics, 'METHOD')).toEqual(['METHOD:REQUEST']);
      const event = veventLines(ics);
      expect(event).toContain(`UID:${UID}`);
      expect(event).toContain('SEQUENCE:2');
      expect(event).toContain('DTSTAMP:20250701T030405Z');
      expect(event).toContain('STATUS:CONFIRMED');
    });

    it('writes the instant in UTC: 09:00 in Hà Nội is 02:00Z', () => {
      expect(lines(ics, 'DTSTART')).toEqual(['DTSTART:20250715T020000Z']);
      expect(lines(ics, 'DTEND')).toEqual(['DTEND:20250715T043000Z']);
      expect(ics).not.toContain('TZID');
      const [event] = parseIcs(ics).events;
      expect(event.startDate.toJSDate().toISOString()).toBe('2025-07-15T02:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).toBe('2025-07-15T04:30:00.000Z');
      expect(event.startDate.zone?.tzid).toBe('UTC');
    });

    it('names the organizer from MAIL_FROM and the attendee with RSVP, NEEDS-ACTION and a quoted Vietnamese CN', () => {
      expect(lines(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="Ban Tổ chức Hội nghị":mailto:hoinghi@hoinghi.gov.vn']);
      const [attendee] = lines(ics, 'ATTENDEE');
      expect(attendee).toContain(';RSVP=TRUE');
      expect(attendee).toContain(';PARTSTAT=NEEDS-ACTION');
      expect(attendee).toContain(';ROLE=REQ-PARTICIPANT');
      expect(attendee).toContain(';CN="Nguyễn Thị Thu Hương"');
      expect(attendee.toLowerCase()).toMatch(/:mailto:huong\.ntt@bacninh\.gov\.vn$/);

      const { calendar, events } = parseIcs(ics);
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(events[0].uid).toBe(UID);
      expect(events[0].sequence).toBe(2);
      expect(events[0].organizer).toBe('mailto:hoinghi@hoinghi.gov.vn');
      const parsed = events[0].attendees[0];
      expect(parsed.getParameter('cn')).toBe('Nguyễn Thị Thu Hương');
      expect(parsed.getParameter('partstat')).toBe('NEEDS-ACTION');
      expect(parsed.getParameter('rsvp')).toBe('TRUE');
      expect(String(parsed.getFirstValue()).toLowerCase()).toBe('mailto:huong.ntt@bacninh.gov.vn');
      const stamp = events[0].component.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid).toBe('UTC');
      expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString());
    });

    it('places the attendee at their bridge point and gives the link, the time in Vietnamese and the agenda', () => {
      const [event] = parseIcs(ics).events;
      expect(event.location).toBe('Số 10 Phù Đổng Thiên Vương, phường Suối Hoa, tỉnh Bắc Ninh');
      expect(event.component.getFirstPropertyValue('url')).toBe('https://hop.example.vn/dan-van-2025');
      expect(event.description).toContain('Thời gian: từ 09:00 đến 11:30, thứ Ba, ngày 15/7/2025 (GMT+7)');
      expect(event.description).toContain('Điểm cầu: Điểm cầu tỉnh Bắc Ninh, Số 10 Phù Đổng Thiên Vương');
      expect(event.description).toContain('Tham dự trực tuyến: https://hop.example.vn/dan-van-2025');
      expect(event.description).toContain('Mã đại biểu (điểm danh): K7P2QX');
      expect(event.description).toContain(
        'Chương trình:\n09:00–09:10 Khai mạc hội nghị\n09:10–09:40 Báo cáo sơ kết công tác dân vận 6 tháng đầu năm, phương hướng 6 tháng cuối năm — Nguyễn Thị Hồng Hạnh\n09:40–09:50 Giải lao',
      );
      // TEXT escaping as written: commas escaped, newlines as \n.
      expect(lines(ics, 'LOCATION')).toEqual(['LOCATION:Số 10 Phù Đổng Thiên Vương\\, phường Suối Hoa\\, tỉnh Bắc Ninh']);
    });

    it('has no alarm unless asked, and a display alarm before the start when asked', () => {
      expect(ics).not.toContain('BEGIN:VALARM');
      const withAlarm = service.invite(aConference(), anAttendee(), aPoint(), [], 'REQUEST', { alarmMinutesBefore: 30 });
      expect(lines(withAlarm, 'TRIGGER')).toEqual(['TRIGGER:-PT30M']);
      const alarm = parseIcs(withAlarm).events[0].component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    });

    it('writes the subscription link when given', () => {
      const withFeed = service.invite(aConference(), anAttendee(), aPoint(), [], 'REQUEST', {
        feedUrl: 'webcal://hoinghi.gov.vn/api/public/calendar/abc.ics',
      });
      expect(parseIcs(withFeed).events[0].description).toContain('webcal://hoinghi.gov.vn/api/public/calendar/abc.ics');
    });

    it('keeps the same UID on every render, whatever the time of rendering', () => {
      const later = aService(new Date('2025-07-10T00:00:00Z')).invite(aConference({ sequence: 3 }), anAttendee(), aPoint(), [], 'REQUEST');
      expect(parseIcs(later).events[0].uid).toBe(UID);
      expect(lines(later, 'SEQUENCE')).toEqual(['SEQUENCE:3']);
      expect(lines(later, 'DTSTAMP')).toEqual(['DTSTAMP:20250710T000000Z']);
    });

    it('falls back to the bridge point name, then the venue, when there is no address', () => {
      const byName = service.invite(aConference(), anAttendee(), aPoint({ address: null }), [], 'REQUEST');
      expect(parseIcs(byName).events[0].location).toBe('Điểm cầu tỉnh Bắc Ninh');
    });

    it('reflects an answer already given on the RSVP page, and marks a chair as CHAIR', () => {
      const accepted = service.invite(aConference(), anAttendee({ status: 'accepted', role: 'chair' }), aPoint(), [], 'REQUEST');
      const attendee = parseIcs(accepted).events[0].attendees[0];
      expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
      expect(attendee.getParameter('role')).toBe('CHAIR');
    });

    it('keeps names with quotes, commas and semicolons readable in CN', () => {
      const ics2 = service.invite(aConference(), anAttendee({ fullName: 'Lê Văn "Ba", Phó Trưởng Ban; Hội Nông dân' }), aPoint(), [], 'REQUEST');
      expect(lines(ics2, 'ATTENDEE')[0]).toContain(`;CN="Lê Văn 'Ba', Phó Trưởng Ban; Hội Nông dân"`);
      expect(parseIcs(ics2).events[0].attendees[0].getParameter('cn')).toBe("Lê Văn 'Ba', Phó Trưởng Ban; Hội Nông dân");
    });

    it('keeps a meeting link with commas and semicolons a valid URI', () => {
      const ics2 = service.invite(aConference({ onlineUrl: 'https://meet.example.vn/j/123;pwd=a,b' }), anAttendee(), aPoint(), [], 'REQUEST');
      expect(lines(ics2, 'URL')).toEqual(['URL;VALUE=URI:https://meet.example.vn/j/123%3Bpwd=a%2Cb']);
      expect(parseIcs(ics2).events[0].description).toContain('https://meet.example.vn/j/123;pwd=a,b');
    });

    it('refuses an attendee without an email', () => {
      expect(() => service.invite(aConference(), anAttendee({ email: null }), aPoint(), [], 'REQUEST')).toThrow(/no email/);
    });
  });

  describe('a cancellation (METHOD:CANCEL)', () => {
    it('of the conference keeps the UID, carries its bumped SEQUENCE and says CANCELLED', () => {
      const request = service.invite(aConference({ sequence: 2 }), anAttendee(), aPoint(), [], 'REQUEST');
      const cancelled = aConference({ status: 'cancelled', sequence: 3, cancelReason: 'Hoãn theo chỉ đạo của Thường trực Ban Bí thư' });
      const ics = service.invite(cancelled, anAttendee(), aPoint(), [], 'CANCEL');
      expect(lines(ics, 'METHOD')).toEqual(['METHOD:CANCEL']);
      expect(lines(ics, 'STATUS')).toEqual(['STATUS:CANCELLED']);
      expect(lines(ics, 'SEQUENCE')).toEqual(['SEQUENCE:3']);
      const [before] = parseIcs(request).events;
      const { calendar, events } = parseIcs(ics);
      expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(events[0].uid).toBe(before.uid);
      expect(events[0].sequence).toBeGreaterThan(before.sequence);
      expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(events[0].organizer).toBe('mailto:hoinghi@hoinghi.gov.vn');
      expect(events[0].attendees[0].getParameter('cn')).toBe('Nguyễn Thị Thu Hương');
      expect(events[0].attendees[0].getParameter('rsvp')).toBe('FALSE');
      expect(events[0].description).toContain('HỘI NGHỊ ĐÃ HỦY. Lý do: Hoãn theo chỉ đạo của Thường trực Ban Bí thư');
      expect(ics).not.toContain('BEGIN:VALARM');
    });

    it('of one attendee goes one revision above the invitation they hold', () => {
      const ics = service.invite(aConference({ sequence: 2 }), anAttendee({ status: 'cancelled' }), aPoint(), [], 'CANCEL', { alarmMinutesBefore: 30 });
      expect(lines(ics, 'SEQUENCE')).toEqual(['SEQUENCE:3']);
      expect(parseIcs(ics).events[0].uid).toBe(UID);
      expect(lines(ics, 'METHOD')).toEqual(['METHOD:CANCEL']);
      // Uninviting one person leaves the event itself as it is: no STATUS:CANCELLED (RFC 5546, 3.2.5).
      expect(lines(ics, 'STATUS')).toEqual([]);
      expect(ics).not.toContain('BEGIN:VALARM');
    });
  });

  describe('the conference calendar (METHOD:PUBLISH)', () => {
    it('holds the conference alone, at its venue, with the agenda in the description', () => {
      const ics = service.conferenceCalendar(aConference(), anAgenda(), false);
      const { calendar, events } = parseIcs(ics);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(events).toHaveLength(1);
      expect(events[0].uid).toBe(UID);
      expect(events[0].location).toBe('Hội trường Ban Dân vận Trung ương, Hà Nội');
      expect(events[0].attendees).toEqual([]);
      expect(events[0].organizer).toBe('mailto:hoinghi@hoinghi.gov.vn');
      expect(events[0].description).toContain('09:10–09:40 Báo cáo sơ kết');
      expect(lines(ics, 'X-WR-CALNAME')[0]).toBe('X-WR-CALNAME:Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025');
    });

    it('adds each agenda item (not breaks) as its own event with its own stable UID', () => {
      const ics = service.conferenceCalendar(aConference(), anAgenda(), true);
      const { events } = parseIcs(ics);
      expect(events.map((e) => e.uid)).toEqual([
        UID,
        '7c1e0d2a-1111-4a2b-9c3d-000000000001@hoinghi.gov.vn',
        '7c1e0d2a-1111-4a2b-9c3d-000000000002@hoinghi.gov.vn',
      ]);
      const report = events[2];
      expect(report.startDate.toJSDate().toISOString()).toBe('2025-07-15T02:10:00.000Z');
      expect(report.sequence).toBe(4);
      expect(report.description).toContain('Trình bày: Nguyễn Thị Hồng Hạnh');
    });

    it('marks a cancelled conference and its items CANCELLED', () => {
      const ics = service.conferenceCalendar(aConference({ status: 'cancelled', sequence: 3, cancelReason: 'Hoãn' }), anAgenda(), true);
      expect(lines(ics, 'STATUS')).toEqual(['STATUS:CANCELLED', 'STATUS:CANCELLED', 'STATUS:CANCELLED']);
      expect(parseIcs(ics).events[0].description.startsWith('HỘI NGHỊ ĐÃ HỦY. Lý do: Hoãn')).toBe(true);
    });

    it('escapes a calendar name as TEXT, which ical-generator leaves to the caller', () => {
      const ics = service.conferenceCalendar(aConference({ title: 'Tập huấn, bồi dưỡng; năm 2025' }), [], false);
      expect(lines(ics, 'NAME')).toEqual(['NAME:Tập huấn\\, bồi dưỡng\\; năm 2025']);
      expect(lines(ics, 'X-WR-CALNAME')).toEqual(['X-WR-CALNAME:Tập huấn\\, bồi dưỡng\\; năm 2025']);
      expect(parseIcs(ics).events[0].summary).toBe('Tập huấn, bồi dưỡng; năm 2025');
    });
  });

  describe('a personal feed', () => {
    it('lists each conference at the person’s own bridge point, asks to be fetched hourly and names nobody', () => {
      const other = aConference({ id: '11111111-2222-4333-8444-555555555555', title: 'Hội nghị tập huấn nghiệp vụ', sequence: 0 });
      const ics = service.feed(
        [
          { conference: aConference(), bridgePoint: aPoint(), attendee: anAttendee(), agendaItems: anAgenda() },
          { conference: other, bridgePoint: aPoint({ name: 'Điểm cầu xã Yên Phong', address: null }), attendee: anAttendee({ status: 'waitlisted' }) },
        ],
        { fullName: 'Nguyễn Thị Thu Hương' },
      );
      const { calendar, events } = parseIcs(ics);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Lịch hội nghị — Nguyễn Thị Thu Hương');
      expect(lines(ics, 'REFRESH-INTERVAL')).toEqual(['REFRESH-INTERVAL;VALUE=DURATION:PT1H']);
      expect(events.map((e) => [e.uid, e.location])).toEqual([
        [UID, 'Số 10 Phù Đổng Thiên Vương, phường Suối Hoa, tỉnh Bắc Ninh'],
        ['11111111-2222-4333-8444-555555555555@hoinghi.gov.vn', 'Điểm cầu xã Yên Phong'],
      ]);
      expect(lines(ics, 'STATUS')).toEqual(['STATUS:CONFIRMED', 'STATUS:TENTATIVE']);
      expect(ics).not.toContain('ATTENDEE');
      expect(events[0].description).toContain('09:10–09:40 Báo cáo sơ kết');
    });
  });

  describe('under other server time zones', () => {
    // Node reads TZ once per process, so each zone gets a child process rendering the same input.
    const render = (tz: string) => {
      const input = {
        servicePath: join(__dirname, 'calendar.service.ts'),
        config: CONFIG,
        now: NOW,
        conference: aConference(),
        attendee: anAttendee(),
        point: aPoint(),
        agenda: anAgenda(),
      };
      const child = spawnSync(process.execPath, ['-e', CHILD_SCRIPT], {
        cwd: process.cwd(),
        env: { ...process.env, TZ: tz, CALENDAR_INPUT: JSON.stringify(input) },
        encoding: 'utf8',
        timeout: 30000,
      });
      if (child.status !== 0) throw new Error(`rendering under TZ=${tz} failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as { offsetMinutes: number; invite: string; publish: string; feed: string };
    };

    it.each([
      ['UTC', 0],
      ['America/New_York', 300],
    ])('gives the same instants under TZ=%s', (tz, offsetMinutes) => {
      const out = render(tz);
      // The child really ran in that zone (15 January, so New York is on EST).
      expect(out.offsetMinutes).toBe(offsetMinutes);

      expect(lines(out.invite, 'DTSTART')).toEqual(['DTSTART:20250715T020000Z']);
      const [invite] = parseIcs(out.invite).events;
      expect(invite.startDate.toJSDate().toISOString()).toBe('2025-07-15T02:00:00.000Z');
      expect(invite.endDate.toJSDate().toISOString()).toBe('2025-07-15T04:30:00.000Z');
      expect(invite.description).toContain('từ 09:00 đến 11:30, thứ Ba, ngày 15/7/2025');
      expect(invite.description).toContain('09:10–09:40 Báo cáo sơ kết');
      expect(lines(out.invite, 'DTSTAMP')).toEqual(['DTSTAMP:20250701T030405Z']);

      const published = parseIcs(out.publish).events;
      expect(published.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
        '2025-07-15T02:00:00.000Z',
        '2025-07-15T02:00:00.000Z',
        '2025-07-15T02:10:00.000Z',
      ]);
      expect(parseIcs(out.feed).events[0].startDate.toJSDate().toISOString()).toBe('2025-07-15T02:00:00.000Z');

      // Byte for byte what this process (whatever its zone) renders.
      expect(out.invite).toBe(service.invite(aConference(), anAttendee(), aPoint(), anAgenda(), 'REQUEST'));
    });
  });
});

/** Runs in a child process with its own TZ: compiles the service's TypeScript on the fly and renders. */
const CHILD_SCRIPT = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};
const input = JSON.parse(process.env.CALENDAR_INPUT, (_key, value) =>
  typeof value === 'string' && /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$/.test(value) ? new Date(value) : value,
);
const { CalendarService } = require(input.servicePath);
const service = new CalendarService(input.config, { now: () => input.now });
const { conference, attendee, point, agenda } = input;
process.stdout.write(JSON.stringify({
  offsetMinutes: new Date(2025, 0, 15, 12).getTimezoneOffset(),
  invite: service.invite(conference, attendee, point, agenda, 'REQUEST'),
  publish: service.conferenceCalendar(conference, agenda, true),
  feed: service.feed([{ conference, bridgePoint: point, attendee, agendaItems: agenda }], attendee),
}));
`;
