import { randomUUID } from 'node:crypto';

/**
 * Calendar replies (iTIP METHOD:REPLY) shaped as Outlook, Gmail and Thunderbird send them to an
 * organizer: their MIME structure, headers, encodings and .ics lines folded at 75 octets.
 */
export interface ReplySpec {
  uid: string;
  attendeeEmail: string;
  attendeeName: string;
  partstat: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';
  sequence?: number;
  dtstamp: Date;
  /** The COMMENT property. */
  comment?: string;
  /** The From address; the attendee by default. */
  from?: string;
  summary?: string;
  organizer?: string;
  messageId?: string;
}

const CRLF = '\r\n';
const WORDS = { ACCEPTED: 'Accepted', DECLINED: 'Declined', TENTATIVE: 'Tentative', DELEGATED: 'Delegated' } as const;

/** Outlook: "Accepted: <subject>", multipart/alternative with text/plain (the comment, if typed), text/html and text/calendar; method=REPLY, all base64. */
export function outlookReply(spec: ReplySpec, bodyComment = ''): Buffer {
  const boundary = `_000_${hex(16)}_`;
  const ics = calendar(spec, 'Microsoft Exchange Server 2010', [
    'BEGIN:VTIMEZONE',
    'TZID:SE Asia Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'END:STANDARD',
    'END:VTIMEZONE',
  ], [
    'CLASS:PUBLIC',
    'PRIORITY:5',
    'TRANSP:OPAQUE',
    'STATUS:CONFIRMED',
    `X-MICROSOFT-CDO-APPT-SEQUENCE:${spec.sequence ?? 0}`,
    'X-MICROSOFT-CDO-OWNERAPPTID:-1234567890',
    `X-MICROSOFT-CDO-REPLYTIME:${icsTime(spec.dtstamp)}`,
  ]);
  const subject = `${WORDS[spec.partstat]}: ${spec.summary ?? 'Hội nghị'}`;
  return Buffer.from(
    [
      ...headers(spec, subject, `multipart/alternative; boundary="${boundary}"`),
      `Thread-Topic: ${encodeWord(spec.summary ?? 'Hội nghị')}`,
      'Thread-Index: AQHa1b2c3d4e5f6g7h8i9j0k==',
      'X-MS-Has-Attach:',
      'X-MS-TNEF-Correlator:',
      'Content-Language: vi-VN',
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64(bodyComment ? `${bodyComment}\r\n` : ''),
      `--${boundary}`,
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64(`<html><body><div>${bodyComment}</div></body></html>`),
      `--${boundary}`,
      'Content-Type: text/calendar; charset="utf-8"; method=REPLY',
      'Content-Transfer-Encoding: base64',
      '',
      base64(ics),
      `--${boundary}--`,
      '',
    ].join(CRLF),
  );
}

/** Gmail: a text and HTML note, and the reply only as an invite.ics attachment (application/ics). */
export function gmailReply(spec: ReplySpec): Buffer {
  const mixed = `000000000000${hex(12)}`;
  const alternative = `000000000000${hex(12)}`;
  const ics = calendar(spec, '-//Google Inc//Google Calendar 70.9054//EN', [], ['STATUS:CONFIRMED', 'TRANSP:OPAQUE']);
  const sentence = `${spec.attendeeName} đã ${spec.partstat === 'DECLINED' ? 'từ chối' : 'chấp nhận'} lời mời này.`;
  const subject = `Lời mời đã được ${spec.partstat === 'DECLINED' ? 'từ chối' : 'chấp nhận'}: ${spec.summary ?? 'Hội nghị'}`;
  return Buffer.from(
    [
      ...headers(spec, subject, `multipart/mixed; boundary="${mixed}"`),
      '',
      `--${mixed}`,
      `Content-Type: multipart/alternative; boundary="${alternative}"`,
      '',
      `--${alternative}`,
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64(`${sentence}\r\nLời mời từ Google Lịch\r\n`),
      `--${alternative}`,
      'Content-Type: text/html; charset="UTF-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `<p>${quotedPrintable(sentence)}</p>`,
      `--${alternative}--`,
      `--${mixed}`,
      'Content-Type: application/ics; name="invite.ics"',
      'Content-Disposition: attachment; filename="invite.ics"',
      'Content-Transfer-Encoding: base64',
      '',
      base64(ics),
      `--${mixed}--`,
      '',
    ].join(CRLF),
  );
}

/** Thunderbird: multipart/mixed with a sentence in text/plain and text/calendar; method=REPLY, 8bit, folded lines. */
export function thunderbirdReply(spec: ReplySpec): Buffer {
  const boundary = `------------${hex(12)}`;
  const ics = calendar(spec, '-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN', [], []);
  const verb = { ACCEPTED: 'đã chấp nhận', DECLINED: 'đã từ chối', TENTATIVE: 'đã trả lời có thể', DELEGATED: 'đã ủy quyền' }[spec.partstat];
  return Buffer.from(
    [
      ...headers(spec, `${WORDS[spec.partstat]}: ${spec.summary ?? 'Hội nghị'}`, `multipart/mixed; boundary="${boundary}"`),
      'User-Agent: Mozilla Thunderbird',
      '',
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `${spec.attendeeName} ${verb} lời mời dự sự kiện của bạn.`,
      '',
      `--${boundary}`,
      'Content-Type: text/calendar; charset=UTF-8; method=REPLY',
      'Content-Transfer-Encoding: 8bit',
      '',
      ics,
      `--${boundary}--`,
      '',
    ].join(CRLF),
    'utf8',
  );
}

/** A plain mail without any calendar. */
export function plainMail(from: string, subject: string, text: string): Buffer {
  return Buffer.from(
    [
      `From: ${from}`,
      'To: hoinghi@hoinghi.local',
      `Subject: ${encodeWord(subject)}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${randomUUID()}@example.vn>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
      '',
    ].join(CRLF),
    'utf8',
  );
}

/** Thunderbird's shape with a calendar part that is not iCalendar at all. */
export function garbageReply(from: string): Buffer {
  const boundary = `------------${hex(12)}`;
  return Buffer.from(
    [
      `From: ${from}`,
      'To: hoinghi@hoinghi.local',
      'Subject: Accepted: ???',
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${randomUUID()}@example.vn>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/calendar; charset=UTF-8; method=REPLY',
      '',
      'this is not a calendar at all',
      `--${boundary}--`,
      '',
    ].join(CRLF),
  );
}

function headers(spec: ReplySpec, subject: string, contentType: string): string[] {
  const from = spec.from ?? spec.attendeeEmail;
  return [
    `From: ${encodeWord(spec.attendeeName)} <${from}>`,
    `To: =?utf-8?B?${Buffer.from('Ban Tổ chức Hội nghị').toString('base64')}?= <${spec.organizer ?? 'hoinghi@hoinghi.local'}>`,
    `Subject: ${encodeWord(subject)}`,
    `Date: ${spec.dtstamp.toUTCString()}`,
    `Message-ID: ${spec.messageId ?? `<${randomUUID()}@mail.example.vn>`}`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
  ];
}

function calendar(spec: ReplySpec, prodId: string, before: string[], extra: string[]): string {
  const attendee = `ATTENDEE;PARTSTAT=${spec.partstat};CN="${spec.attendeeName}":mailto:${spec.attendeeEmail}`;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${prodId}`,
    'VERSION:2.0',
    'METHOD:REPLY',
    ...before,
    'BEGIN:VEVENT',
    attendee,
    ...(spec.comment ? [`COMMENT;LANGUAGE=vi-VN:${escapeText(spec.comment)}`] : []),
    `SUMMARY;LANGUAGE=vi-VN:${WORDS[spec.partstat]}: ${escapeText(spec.summary ?? 'Hội nghị')}`,
    'DTSTART:20250715T013000Z',
    'DTEND:20250715T043000Z',
    `UID:${spec.uid}`,
    `ORGANIZER;CN="Ban Tổ chức Hội nghị":mailto:${spec.organizer ?? 'hoinghi@hoinghi.local'}`,
    `DTSTAMP:${icsTime(spec.dtstamp)}`,
    ...(spec.sequence === undefined ? [] : [`SEQUENCE:${spec.sequence}`]),
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

/** RFC 5545 folding: lines longer than 75 octets go on in the next line after CRLF and a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const icsTime = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const encodeWord = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`);
const base64 = (text: string) => (Buffer.from(text).toString('base64').match(/.{1,76}/g) ?? ['']).join(CRLF);
const hex = (length: number) => randomUUID().replace(/-/g, '').slice(0, length);
const quotedPrintable = (text: string) =>
  [...Buffer.from(text)].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
