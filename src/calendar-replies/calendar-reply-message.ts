import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { AddressObject, Attachment, ParsedMail, simpleParser } from 'mailparser';
import { MESSAGE_KEY_LENGTH } from './calendar-reply.entity';

/** What a REPLY says: who answered which event, how, and at which revision. */
export interface ReplyAnswer {
  uid: string;
  /** The ATTENDEE's address, lower case (from `mailto:`). */
  attendeeEmail: string;
  attendeeName: string | null;
  /** Upper case as in RFC 5545: ACCEPTED, DECLINED, TENTATIVE … */
  partstat: string;
  /** 0 when absent (RFC 5546: SEQUENCE is present only when not zero). */
  sequence: number;
  /** DTSTAMP; the message's Date when a client leaves it out. */
  dtstamp: Date;
  /** COMMENT, or the text Outlook writes in the body (NFC, at most 1000 characters). */
  comment: string | null;
}

/** One message of the mailbox as read: its key and headers, and the reply it carries, or why it carries none. */
export interface ReadMessage {
  /** The Message-ID, or `sha256:` of the whole message when it has none. */
  messageKey: string;
  fromAddress: string | null;
  subject: string | null;
  date: Date | null;
  reply: { kind: 'reply'; answer: ReplyAnswer } | { kind: 'not_a_reply' | 'unparseable'; reason: string };
}

const COMMENT_LENGTH = 1000;

/** Reads one raw message (RFC 5322) as it lies in the mailbox: its calendar parts are parsed with ical.js. */
export async function readReplyMessage(raw: Buffer): Promise<ReadMessage> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    return { messageKey: hashKey(raw), fromAddress: null, subject: null, date: null, reply: unparseable(`Thư không đọc được: ${errorText(error)}`) };
  }
  const head = {
    messageKey: messageKey(mail.messageId, raw),
    fromAddress: firstAddress(mail.from),
    subject: mail.subject ? mail.subject.normalize('NFC').slice(0, 300) : null,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
  };
  return { ...head, reply: replyOf(mail, head.fromAddress, head.date) };
}

function replyOf(mail: ParsedMail, from: string | null, date: Date | null): ReadMessage['reply'] {
  const parts = mail.attachments.filter(isCalendarPart);
  if (parts.length === 0) return { kind: 'not_a_reply', reason: 'Thư không có lịch đính kèm (text/calendar hoặc tệp .ics).' };
  let firstProblem: string | null = null;
  let methods: string[] = [];
  // Gmail sends the same REPLY twice (inline and as invite.ics); the first one that reads is used.
  for (const part of parts) {
    let calendar: ICAL.Component;
    try {
      calendar = firstCalendar(part.content.toString('utf8'));
    } catch (error) {
      firstProblem ??= `Tệp lịch không đọc được: ${errorText(error)}`;
      continue;
    }
    const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
    if (method !== 'REPLY') {
      methods = [...methods, method || '(không có)'];
      continue;
    }
    const answer = answerOf(calendar, from, date);
    if (typeof answer === 'string') {
      firstProblem ??= answer;
      continue;
    }
    return { kind: 'reply', answer: { ...answer, comment: answer.comment ?? outlookComment(mail) } };
  }
  if (firstProblem) return unparseable(firstProblem);
  return { kind: 'not_a_reply', reason: `Lịch đính kèm không phải thư trả lời (METHOD: ${methods.join(', ')}).` };
}

/** The answer in a METHOD:REPLY calendar, or what is missing from it. */
function answerOf(calendar: ICAL.Component, from: string | null, date: Date | null): ReplyAnswer | string {
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) return 'Thư trả lời không có sự kiện (VEVENT).';
  const uid = event.getFirstPropertyValue('uid');
  if (typeof uid !== 'string' || !uid.trim()) return 'Thư trả lời không có UID.';
  const attendees = event
    .getAllProperties('attendee')
    .map((p) => ({ email: mailtoAddress(p.getFirstValue()), name: paramText(p.getParameter('cn')), partstat: paramText(p.getParameter('partstat')) }))
    .filter((a): a is { email: string; name: string | undefined; partstat: string | undefined } => a.email !== null);
  // A REPLY names one ATTENDEE; should a client list more, the sender's own entry is the answer.
  const attendee = attendees.find((a) => a.email === from) ?? attendees[0];
  if (!attendee) return 'Thư trả lời không có ATTENDEE với địa chỉ email (mailto:).';
  const answerer = attendee.email;
  const partstat = attendee.partstat?.toUpperCase();
  if (!partstat) return `Thư trả lời của ${answerer} không có PARTSTAT.`;
  const sequence = event.getFirstPropertyValue('sequence');
  const stamp = event.getFirstPropertyValue('dtstamp');
  const dtstamp = stamp instanceof ICAL.Time ? stamp.toJSDate() : date;
  if (!dtstamp || Number.isNaN(dtstamp.getTime())) return 'Thư trả lời không có DTSTAMP hợp lệ.';
  const comment = event.getFirstPropertyValue('comment');
  return {
    uid: uid.trim(),
    attendeeEmail: answerer,
    attendeeName: attendee.name?.normalize('NFC').slice(0, 200) || null,
    partstat,
    sequence: typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
    dtstamp,
    comment: typeof comment === 'string' ? cleanComment(comment) : null,
  };
}

/**
 * Outlook puts the comment a person types when answering into the body, not into COMMENT. Only
 * Outlook's body is read so: Gmail and Thunderbird write a sentence of their own there.
 */
function outlookComment(mail: ParsedMail): string | null {
  if (!isOutlook(mail)) return null;
  return mail.text ? cleanComment(mail.text) : null;
}

function isOutlook(mail: ParsedMail): boolean {
  const headers = mail.headers;
  const mailer = String(headers.get('x-mailer') ?? '');
  const contentClass = String(headers.get('content-class') ?? '');
  // Exchange leaves X-MS-Has-Attach and X-MS-TNEF-Correlator, often empty, and Thread-Index on every Outlook mail.
  const keys = mail.headerLines.map((h) => h.key.toLowerCase());
  return (
    /outlook|exchange/i.test(mailer) ||
    /calendarmessage/i.test(contentClass) ||
    keys.some((k) => k.startsWith('x-ms-') || k === 'thread-index')
  );
}

function cleanComment(text: string): string | null {
  const cleaned = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return cleaned ? cleaned.slice(0, COMMENT_LENGTH) : null;
}

/** The first VCALENDAR of a text (ical.js answers a list when there are several). */
function firstCalendar(text: string): ICAL.Component {
  const parsed: unknown = ICAL.parse(text);
  const jcal = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  const calendar = new ICAL.Component(jcal as unknown[]);
  if (calendar.name !== 'vcalendar') throw new Error(`${calendar.name.toUpperCase()} thay vì VCALENDAR`);
  return calendar;
}

function isCalendarPart(part: Attachment): boolean {
  const type = part.contentType.toLowerCase();
  return type === 'text/calendar' || type === 'application/ics' || /\.ics$/i.test(part.filename ?? '');
}

function mailtoAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const address = list.flatMap((a) => a.value).find((a) => a.address)?.address;
  return address ? address.toLowerCase().slice(0, 254) : null;
}

function paramText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function messageKey(messageId: string | undefined, raw: Buffer): string {
  const id = messageId?.trim();
  if (!id) return hashKey(raw);
  return id.length <= MESSAGE_KEY_LENGTH ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

function hashKey(raw: Buffer): string {
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

function unparseable(reason: string): { kind: 'unparseable'; reason: string } {
  return { kind: 'unparseable', reason: reason.slice(0, 1000) };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
