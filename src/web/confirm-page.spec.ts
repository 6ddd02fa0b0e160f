import { PublicBridgePointView } from '../bridge-points/public-bridge-points.service';
import { confirmPage, ConfirmPageState } from './confirm-page';

const view = (point: Partial<PublicBridgePointView['bridgePoint']> = {}, status = 'published'): PublicBridgePointView =>
  ({
    conference: {
      id: 'c',
      title: 'Hội nghị <sơ kết>',
      kind: 'review',
      format: 'online',
      status,
      startsAt: '2025-07-15T01:00:00.000Z',
      endsAt: '2025-07-15T04:30:00.000Z',
      timezone: 'Asia/Ho_Chi_Minh',
      venue: null,
      onlineUrl: 'javascript:alert(1)',
      hostOrganization: null,
      chairName: null,
      chairTitle: null,
    },
    bridgePoint: {
      id: 'p',
      name: 'Điểm cầu <script>x</script>',
      confirmationStatus: 'pending',
      connectionStatus: 'untested',
      declineReason: null,
      expectedAttendees: null,
      actualAttendees: null,
      reportedAttendees: null,
      checkedInAttendees: 0,
      ...point,
    },
    agenda: [{ title: 'Khai mạc', kind: 'opening', startsAt: '2025-07-15T01:00:00.000Z', endsAt: '2025-07-15T01:10:00.000Z' }],
    checks: [],
    linkExpiresAt: '2025-08-15T01:00:00.000Z',
  }) as PublicBridgePointView;

const state = (s: Partial<ConfirmPageState> = {}): ConfirmPageState => ({ canConfirm: true, canDecline: true, closed: false, attendanceOpensNote: null, ...s });
const forms = (html: string) => [...html.matchAll(/action="\/bridge-points\/confirm\/tok\/([a-z-]+)"/g)].map((m) => m[1]);

describe('confirmPage', () => {
  it('offers every form to a pending point, in the conference time zone, escaping names and refusing script links', () => {
    const html = confirmPage('tok', view(), state());
    expect(forms(html)).toEqual(['confirm', 'decline', 'connection-check', 'attendance']);
    expect(html).toContain('Điểm cầu &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('Hội nghị &lt;sơ kết&gt;');
    expect(html).toContain('từ 08:00 đến 11:30, thứ Ba, ngày 15/7/2025 (GMT+7)');
    expect(html).toContain('08:00–08:10');
    expect(html).not.toContain('href="javascript:');
  });

  it('leaves out what the confirmation rule refuses: no decline once confirmed, nothing but a note once declined', () => {
    expect(forms(confirmPage('tok', view({ confirmationStatus: 'confirmed' }), state({ canDecline: false })))).toEqual(['confirm', 'connection-check', 'attendance']);
    const declined = confirmPage('tok', view({ confirmationStatus: 'declined', declineReason: 'Trùng <lịch>' }), state({ canConfirm: false }));
    expect(forms(declined)).toEqual(['decline']);
    expect(declined).toContain('Lý do: Trùng &lt;lịch&gt;');
  });

  it('shows when the attendance report opens instead of its form before the window', () => {
    const note = 'Báo cáo số đại biểu thực tế mở từ 06:00, thứ Ba, ngày 15/7/2025 (120 phút trước giờ khai mạc).';
    const html = confirmPage('tok', view({ confirmationStatus: 'confirmed' }), state({ canDecline: false, attendanceOpensNote: note }));
    expect(forms(html)).toEqual(['confirm', 'connection-check']);
    expect(html).toContain(note);
  });

  it('says an in-person conference is over ("Đã kết thúc") without calling it "Trực tiếp" once completed', () => {
    const inPerson = (status: string) => {
      const v = view({}, status);
      return confirmPage('tok', { ...v, conference: { ...v.conference, format: 'in_person' } }, state({ closed: status === 'completed' }));
    };
    expect(inPerson('published')).toContain('Trực tiếp');
    const over = inPerson('completed');
    expect(over).toContain('Đã kết thúc');
    expect(over).not.toContain('Trực tiếp');
  });

  it('shows the technical contact\'s phone the local way, and the connection checks with their notes', () => {
    const v = view({ contactName: 'Lê Văn Kỹ', contactPhone: '+842223822123', connectionStatus: 'degraded' });
    const html = confirmPage(
      'tok',
      {
        ...v,
        checks: [
          { id: 'k2', bridgePointId: 'p', result: 'degraded', note: 'Âm thanh <rè>', checkedAt: '2025-07-14T09:30:00.000Z', checkedBy: 'link:1' },
          { id: 'k1', bridgePointId: 'p', result: 'failed', note: null, checkedAt: '2025-07-14T08:00:00.000Z', checkedBy: 'link:1' },
        ],
      },
      state(),
    );
    expect(html).toContain('Lê Văn Kỹ · 0222 3822 123');
    expect(html).toContain('value="0222 3822 123"');
    expect(html).toContain('Các lần kiểm tra kết nối');
    expect(html.indexOf('16:30, thứ Hai, ngày 14/7/2025')).toBeLessThan(html.indexOf('15:00, thứ Hai, ngày 14/7/2025'));
    expect(html).toContain('Âm thanh &lt;rè&gt;');
    expect(html).toContain('Kết nối lỗi');
  });

  it('shows no form for a completed or cancelled conference', () => {
    const html = confirmPage('tok', view({}, 'cancelled'), state({ closed: true }));
    expect(forms(html)).toEqual([]);
    expect(html).toContain('Hội nghị đã bị hủy; thông tin dưới đây chỉ để xem.');
  });
});
