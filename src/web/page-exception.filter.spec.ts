import { errorPage } from './page-exception.filter';

describe('errorPage', () => {
  it('names expired and revoked links and keeps the link service message', () => {
    expect(errorPage(410, 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.', [{ field: 'token', message: 'expired' }])).toMatchObject({
      title: 'Liên kết đã hết hạn',
      message: 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.',
    });
    expect(errorPage(410, 'Liên kết đã bị thu hồi.', [{ field: 'token', message: 'revoked' }]).title).toBe('Liên kết đã bị thu hồi');
  });

  it('says an unknown link is not valid, and another missing page is not found', () => {
    expect(errorPage(404, 'Liên kết không hợp lệ.', [{ field: 'token', message: 'unknown' }]).title).toBe('Liên kết không hợp lệ');
    expect(errorPage(404, 'conference x not found', []).message).toBe('Địa chỉ này không đúng hoặc không còn tồn tại.');
  });

  it('never shows the text of an unexpected error', () => {
    expect(errorPage(500, null, [])).toMatchObject({ title: 'Hệ thống đang gặp sự cố' });
  });
});
