import {
  fold,
  garbageReply,
  gmailReply,
  outlookReply,
  plainMail,
  ReplySpec,
  thunderbirdReply,
} from '../../test/calendar-reply-mails';
import { readReplyMessage } from './calendar-reply-message';

const UID = '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a@hoinghi.local';
const NAME = 'Nguyễn Thị Hồng Nhung — Phó Trưởng ban Dân vận Tỉnh ủy Bắc Ninh';

const aReply = (overrides: Partial<ReplySpec> = {}): ReplySpec => ({
  uid: UID,
  attendeeEmail: 'Nhung.NTH@BacNinh.gov.vn',
  attendeeName: NAME,
  partstat: 'ACCEPTED',
  sequence: 2,
  dtstamp: new Date('2025-07-01T03:04:05Z'),
  summary: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
  ...overrides,
});

async function answerOf(raw: Buffer) {
  const read = await readReplyMessage(raw);
  if (read.reply.kind !== 'reply') throw new Error(`expected a reply, got ${read.reply.kind}: ${read.reply.reason}`);
  return read.reply.answer;
}

describe('readReplyMessage', () => {
  it.each([
    ['Outlook (text/calendar in multipart/alternative, base64)', outlookReply],
    ['Gmail (invite.ics attachment only)', gmailReply],
    ['Thunderbird (text/calendar; method=REPLY, 8bit)', thunderbirdReply],
  ])('reads the answer, UID, revision and the non-ASCII CN of a reply from %s', async (_client, build) => {
    const answer = await answerOf(build(aReply()));
    expect(answer).toEqual({
      uid: UID,
      attendeeEmail: 'nhung.nth@bacninh.gov.vn',
      attendeeName: NAME,
      partstat: 'ACCEPTED',
      sequence: 2,
      dtstamp: new Date('2025-07-01T03:04:05Z'),
      comment: null,
    });
  });

  it('unfolds lines that were folded inside a multi-byte character', () => {
    const line = `ATTENDEE;CN="${NAME}":mailto:a@b.vn`;
    const folded = fold(line);
    expect(folded).toContain('\r\n ');
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('keeps the COMMENT of a decline, with commas and line breaks unescaped', async () => {
    const answer = await answerOf(thunderbirdReply(aReply({ partstat: 'DECLINED', comment: 'Trùng lịch họp HĐND tỉnh; xin cử\nđồng chí Phó ban, thay thế.' })));
    expect(answer.partstat).toBe('DECLINED');
    expect(answer.comment).toBe('Trùng lịch họp HĐND tỉnh; xin cử\nđồng chí Phó ban, thay thế.');
  });

  it('takes the text Outlook puts in the body as the comment of a decline', async () => {
    const answer = await answerOf(outlookReply(aReply({ partstat: 'DECLINED' }), 'Tôi bận đi công tác Côn Đảo, xin phép vắng.'));
    expect(answer.comment).toBe('Tôi bận đi công tác Côn Đảo, xin phép vắng.');
  });

  it('does not take the sentence Gmail or Thunderbird write in the body for a comment', async () => {
    await expect(answerOf(gmailReply(aReply({ partstat: 'DECLINED' })))).resolves.toMatchObject({ comment: null });
    await expect(answerOf(thunderbirdReply(aReply({ partstat: 'DECLINED' })))).resolves.toMatchObject({ comment: null });
  });

  it('counts a reply without SEQUENCE as revision 0', async () => {
    await expect(answerOf(outlookReply(aReply({ sequence: undefined })))).resolves.toMatchObject({ sequence: 0 });
  });

  it('reads the ATTENDEE of a reply sent by someone the invitation was forwarded to', async () => {
    const raw = outlookReply(aReply({ attendeeEmail: 'chanh.vp@bacninh.gov.vn', attendeeName: 'Trần Văn Chánh' }));
    await expect(answerOf(raw)).resolves.toMatchObject({ attendeeEmail: 'chanh.vp@bacninh.gov.vn', attendeeName: 'Trần Văn Chánh' });
  });

  it('keeps the Message-ID, sender and decoded subject', async () => {
    const read = await readReplyMessage(outlookReply(aReply({ messageId: '<abc@PROD.OUTLOOK.COM>' })));
    expect(read).toMatchObject({
      messageKey: '<abc@PROD.OUTLOOK.COM>',
      fromAddress: 'nhung.nth@bacninh.gov.vn',
      subject: 'Accepted: Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
    });
  });

  it('calls a calendar part that is not iCalendar unparseable', async () => {
    const read = await readReplyMessage(garbageReply('a@b.vn'));
    expect(read.reply.kind).toBe('unparseable');
  });

  it('calls a mail without a calendar not a reply, and keys one without Message-ID by its hash', async () => {
    const read = await readReplyMessage(plainMail('a@b.vn', 'Xin hỏi về hội nghị', 'Cho tôi hỏi địa điểm.'));
    expect(read.reply.kind).toBe('not_a_reply');
    const bare = await readReplyMessage(Buffer.from('Subject: x\r\n\r\nhello\r\n'));
    expect(bare.messageKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('calls an invitation (METHOD:REQUEST) not a reply', async () => {
    const raw = thunderbirdReply(aReply()).toString('utf8').replace('METHOD:REPLY', 'METHOD:REQUEST');
    const read = await readReplyMessage(Buffer.from(raw));
    expect(read.reply).toMatchObject({ kind: 'not_a_reply' });
  });
});
