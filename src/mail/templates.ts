import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { vnClock, vnDateTime, vnRange } from '../common/vietnamese-time';
import { Conference } from '../conferences/conference.entity';
import { MessageKind } from '../outbox/outbox-message.entity';

const FORMATS: Record<Conference['format'], string> = {
  in_person: 'trực tiếp',
  online: 'trực tuyến',
  hybrid: 'kết hợp trực tiếp và trực tuyến',
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

interface Line {
  label: string;
  value: string;
  href?: string;
}

function render(subject: string, greeting: string, intro: string, lines: Line[], outro: string[]): Rendered {
  const text = [greeting, '', intro, '', ...lines.map((l) => `${l.label}: ${l.value}`), '', ...outro, '', 'Ban Tổ chức Hội nghị'].join('\n');
  const rows = lines
    .map(
      (l) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;vertical-align:top">${escape(l.label)}</th><td style="padding:4px 0">${
          l.href ? `<a href="${escape(l.href)}">${escape(l.value)}</a>` : escape(l.value).replace(/\n/g, '<br>')
        }</td></tr>`,
    )
    .join('');
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<p>${escape(greeting)}</p><p>${escape(intro)}</p>
<table role="presentation" style="border-collapse:collapse">${rows}</table>
${outro.map((p) => `<p>${escape(p)}</p>`).join('')}
<p>Ban Tổ chức Hội nghị</p></body></html>`;
  return { subject, text, html };
}

export interface CalendarMailContext {
  kind: Exclude<MessageKind, 'bridge_point_link' | 'registration_confirmation' | 'registration_exists' | 'certificate' | 'material_notice' | 'material_reminder'>;
  conference: Conference;
  attendee: Attendee;
  bridgePoint: BridgePoint;
  agenda: AgendaItem[];
  rsvpUrl: string | null;
  feedUrl: string | null;
}

const SUBJECT_PREFIX: Record<CalendarMailContext['kind'], string> = {
  invitation: 'Giấy mời',
  update: 'Thay đổi thông tin',
  cancellation: 'Thông báo hủy',
  reminder: 'Nhắc lịch',
};

/** Giấy mời, its updates, cancellation and reminder, in Vietnamese. */
export function calendarMail(ctx: CalendarMailContext): Rendered {
  const { conference: c, attendee: a, bridgePoint: bp } = ctx;
  const tz = c.timezone;
  const greeting = `Kính gửi đồng chí ${a.fullName}${a.title ? `, ${a.title}` : ''}${a.organization ? ` – ${a.organization}` : ''},`;
  const intro = {
    invitation: `Ban Tổ chức trân trọng kính mời đồng chí tham dự ${c.title}.`,
    update: `Ban Tổ chức xin thông báo thay đổi thông tin của ${c.title}. Lịch của đồng chí được cập nhật theo thư này.`,
    cancellation: `Ban Tổ chức xin thông báo: ${c.title} đã bị hủy${c.cancelReason ? ` (lý do: ${c.cancelReason})` : ''}. Sự kiện sẽ được gỡ khỏi lịch của đồng chí.`,
    reminder: `Ban Tổ chức xin nhắc lịch: ${c.title} sẽ bắt đầu lúc ${vnDateTime(c.startsAt, tz)}.`,
  }[ctx.kind];
  const lines: Line[] = [
    { label: 'Thời gian', value: vnRange(c.startsAt, c.endsAt, tz) },
    { label: 'Hình thức', value: FORMATS[c.format] },
    { label: 'Điểm cầu', value: bp.address ? `${bp.name} – ${bp.address}` : bp.name },
  ];
  if (ctx.kind !== 'cancellation') {
    if (c.venue) lines.push({ label: 'Địa điểm chính', value: c.venue });
    if (c.onlineUrl) lines.push({ label: 'Phòng họp trực tuyến', value: c.onlineUrl, href: c.onlineUrl });
    if (ctx.agenda.length > 0) {
      lines.push({
        label: 'Chương trình',
        value: ctx.agenda.map((i) => `${vnClock(i.startsAt, tz)}–${vnClock(i.endsAt, tz)} ${i.title}`).join('\n'),
      });
    }
    lines.push({ label: 'Mã điểm danh', value: a.code });
    if (ctx.rsvpUrl) lines.push({ label: 'Xác nhận tham dự', value: ctx.rsvpUrl, href: ctx.rsvpUrl });
    if (ctx.feedUrl) lines.push({ label: 'Theo dõi lịch hội nghị', value: ctx.feedUrl, href: ctx.feedUrl });
  }
  const outro =
    ctx.kind === 'cancellation'
      ? ['Ban Tổ chức xin lỗi vì sự bất tiện này.']
      : ['Thư này kèm lời mời lịch: chọn Chấp nhận hoặc Từ chối trong Outlook, Gmail hay Thunderbird để trả lời.'];
  return render(`${SUBJECT_PREFIX[ctx.kind]}: ${c.title}`, greeting, intro, lines, outro);
}

/** The confirmation link for a bridge point's technical contact. */
export function bridgePointLinkMail(conference: Conference, point: BridgePoint, url: string): Rendered {
  return render(
    `Xác nhận điểm cầu: ${conference.title}`,
    `Kính gửi ${point.contactName ? `đồng chí ${point.contactName}` : `Ban Tổ chức ${point.name}`},`,
    `Ban Tổ chức đề nghị ${point.name} xác nhận tham gia ${conference.title}, báo cáo kết quả kiểm tra đường truyền và số người dự.`,
    [
      { label: 'Thời gian', value: vnRange(conference.startsAt, conference.endsAt, conference.timezone) },
      { label: 'Điểm cầu', value: point.name },
      { label: 'Trang xác nhận', value: url, href: url },
    ],
    ['Trang xác nhận không cần tài khoản; đường dẫn chỉ dành cho điểm cầu của đồng chí, vui lòng không chuyển tiếp.'],
  );
}

/** The link that confirms a self-registration, mailed to the address the person gave. */
export function registrationConfirmationMail(
  conference: Conference,
  point: BridgePoint,
  person: { fullName: string },
  url: string,
  expiresAt: Date,
): Rendered {
  return render(
    `Xác nhận đăng ký tham dự: ${conference.title}`,
    `Kính gửi đồng chí ${person.fullName},`,
    `Ban Tổ chức đã nhận được yêu cầu đăng ký tham dự ${conference.title} bằng địa chỉ email này. Để hoàn tất đăng ký, đồng chí vui lòng mở đường dẫn dưới đây và bấm nút “Xác nhận đăng ký”.`,
    [
      { label: 'Thời gian', value: vnRange(conference.startsAt, conference.endsAt, conference.timezone) },
      { label: 'Điểm cầu', value: point.address ? `${point.name} – ${point.address}` : point.name },
      { label: 'Xác nhận đăng ký', value: url, href: url },
      { label: 'Hiệu lực đến', value: vnDateTime(expiresAt, conference.timezone) },
    ],
    [
      'Đăng ký chỉ được ghi nhận, và chỉ giữ chỗ, sau khi đồng chí xác nhận.',
      'Nếu đồng chí không gửi yêu cầu này, vui lòng bỏ qua thư; sẽ không có đăng ký nào được ghi nhận.',
    ],
  );
}

/** To an address already on the list that was used to register again: nothing new is registered. */
export function registrationExistsMail(conference: Conference, attendee: Attendee, point: BridgePoint, rsvpUrl: string | null): Rendered {
  const lines: Line[] = [
    { label: 'Thời gian', value: vnRange(conference.startsAt, conference.endsAt, conference.timezone) },
    { label: 'Điểm cầu', value: point.address ? `${point.name} – ${point.address}` : point.name },
  ];
  if (rsvpUrl) lines.push({ label: 'Thư mời của đồng chí', value: rsvpUrl, href: rsvpUrl });
  return render(
    `Đăng ký tham dự: ${conference.title}`,
    `Kính gửi đồng chí ${attendee.fullName},`,
    `Ban Tổ chức vừa nhận được yêu cầu đăng ký tham dự ${conference.title} bằng địa chỉ email này. Địa chỉ này đã có trong danh sách đại biểu của hội nghị, nên không cần đăng ký lại.`,
    lines,
    [
      rsvpUrl
        ? 'Đồng chí có thể xem thư mời và trả lời tham dự tại đường dẫn trên.'
        : 'Nếu cần thay đổi thông tin đăng ký, vui lòng liên hệ Ban Tổ chức.',
      'Nếu đồng chí không gửi yêu cầu này, vui lòng bỏ qua thư.',
    ],
  );
}

/** A training certificate: its number, the issuing office and the link that verifies it (and shows it). */
export function certificateMail(conference: Conference, holderName: string, certificate: { number: string; issuerOffice: string }, verifyUrl: string): Rendered {
  return render(
    `Giấy chứng nhận hoàn thành khóa học: ${conference.title}`,
    `Kính gửi đồng chí ${holderName},`,
    `${certificate.issuerOffice} đã cấp giấy chứng nhận hoàn thành khóa học ${conference.title} cho đồng chí.`,
    [
      { label: 'Số giấy chứng nhận', value: certificate.number },
      { label: 'Cơ quan cấp', value: certificate.issuerOffice },
      { label: 'Tra cứu giấy chứng nhận', value: verifyUrl, href: verifyUrl },
    ],
    ['Bản giấy chứng nhận có chữ ký, đóng dấu sẽ được Ban Tổ chức gửi tới đồng chí. Đường dẫn trên cho phép bất kỳ ai kiểm tra giấy chứng nhận còn hiệu lực.'],
  );
}

/** A material as a mail lists it. */
export interface MailedMaterial {
  title: string;
  fileName: string;
  size: number;
}

const sizeVi = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * New conference materials (or, `reminder`, one not fetched yet), to a bridge point's contact or a
 * delegate, with the link of the page that lists and downloads them. Short: the files are on the page.
 */
export function materialsMail(
  kind: 'material_notice' | 'material_reminder',
  conference: Conference,
  to: { point: BridgePoint } | { attendee: Attendee },
  materials: MailedMaterial[],
  url: string,
): Rendered {
  const greeting =
    'point' in to
      ? `Kính gửi ${to.point.contactName ? `đồng chí ${to.point.contactName}` : `Ban Tổ chức ${to.point.name}`},`
      : `Kính gửi đồng chí ${to.attendee.fullName},`;
  const whom = 'point' in to ? to.point.name : 'đồng chí';
  const intro =
    kind === 'material_notice'
      ? `Ban Tổ chức ${conference.title} đã bổ sung ${materials.length} tài liệu hội nghị gửi ${whom}.`
      : `Ban Tổ chức ${conference.title} đề nghị ${whom} tải tài liệu dưới đây, hiện ${'point' in to ? 'điểm cầu' : 'đồng chí'} chưa tải về.`;
  return render(
    `${kind === 'material_notice' ? 'Tài liệu hội nghị' : 'Nhắc tải tài liệu'}: ${conference.title}`,
    greeting,
    intro,
    [
      { label: 'Tài liệu', value: materials.map((m) => `${m.title} (${m.fileName}, ${sizeVi(m.size)})`).join('\n') },
      { label: 'Tải tài liệu', value: url, href: url },
    ],
    ['Trang tải tài liệu không cần tài khoản; đường dẫn chỉ dành cho đồng chí, vui lòng không chuyển tiếp.'],
  );
}
