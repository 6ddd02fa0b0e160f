import { errorPage } from './page-exception.filter';

describe('errorPage', () => {
  it('names expired and revoked links and keeps the link service message', () => {
    expect(errorPage(410, 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.', [{ field: 'token', code: 'expired', message: 'Liên kết đã hết hạn.' }])).toMatchObject({
      title: 'Liên kết đã hết hạn',
      message: 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.',
    });
    expect(errorPage(410, 'Liên kết đã bị thu hồi.', [{ field: 'token', code: 'revoked', message: 'Liên kết đã bị thu hồi.' }]).title).toBe('Liên kết đã bị thu hồi');
  });

  it('says an unknown link is not valid, and another missing page is not found', () => {
    expect(errorPage(404, 'Liên kết không hợp lệ.', [{ field: 'token', code: 'unknown', message: 'Liên kết không hợp lệ.' }]).title).toBe('Liên kết không hợp lệ');
    expect(errorPage(404, 'conference x not found', []).message).toBe('Địa chỉ này không đúng hoặc không còn tồn tại.');
  });

  it('reads why a link did not open from the code of its detail, whatever the detail says', () => {
    expect(errorPage(410, 'Liên kết đã bị thu hồi.', [{ field: 'token', code: 'revoked', message: 'Liên kết đã bị thu hồi.' }]).title).toBe('Liên kết đã bị thu hồi');
    expect(errorPage(410, 'Liên kết đã hết hạn.', [{ field: 'token', code: 'expired', message: 'Liên kết đã hết hạn.' }]).title).toBe('Liên kết đã hết hạn');
    expect(errorPage(404, 'Liên kết không hợp lệ.', [{ field: 'token', code: 'unknown', message: 'Liên kết không hợp lệ.' }])).toMatchObject({
      title: 'Liên kết không hợp lệ',
      message: 'Liên kết không hợp lệ.',
    });
    expect(errorPage(404, 'Không tìm thấy hội nghị.', [{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }])).toMatchObject({
      title: 'Không tìm thấy trang',
      message: 'Địa chỉ này không đúng hoặc không còn tồn tại.',
    });
  });

  it('never shows the text of an unexpected error', () => {
    expect(errorPage(500, null, [])).toMatchObject({ title: 'Hệ thống đang gặp sự cố' });
  });

  it('says why another request was refused when the refusal gives a reason, and a plain sentence when it does not', () => {
    const control = { field: 'reason', code: 'control_character', message: 'Lý do chứa ký tự điều khiển (U+0007); chỉ được dùng dấu tab và xuống dòng.' };
    expect(errorPage(400, 'Dữ liệu không hợp lệ.', [control])).toMatchObject({ title: 'Yêu cầu không hợp lệ', message: control.message });
    expect(errorPage(400, null, []).message).toBe('Không thể xử lý yêu cầu này.');
  });
});
