import { RegistrationResult } from '../attendees/registration.dto';
import { confirmedMessage, registrationConfirmedPage, registrationConfirmPage } from './registration-confirm-page';

const result = (r: Partial<RegistrationResult> = {}): RegistrationResult => ({
  attendeeId: 'a',
  code: 'K7Q4ZP',
  status: 'registered',
  waitlistPosition: null,
  conferenceId: 'c',
  conferenceTitle: 'Hội nghị <tập huấn>',
  ...r,
});

describe('the self-registration confirmation page', () => {
  it('holds one form that posts back to the link, with the token escaped', () => {
    const page = registrationConfirmPage('abc"<x>');
    expect(page).toContain('<form method="post" action="/registration/confirm/abc%22%3Cx%3E">');
    expect(page).toContain('<button type="submit" class="primary">Xác nhận đăng ký</button>');
    expect(page).not.toContain('<x>');
  });

  it('says what the click did: registered, waiting at a position, or confirmed before', () => {
    expect(confirmedMessage(result(), true)).toBe('Đăng ký của đồng chí đã được ghi nhận.');
    expect(confirmedMessage(result({ status: 'waitlisted', waitlistPosition: 3 }), false)).toContain('vị trí số 3 trong danh sách chờ');
    expect(confirmedMessage(result(), false)).toBe('Đăng ký của đồng chí đã được xác nhận trước đó. Trạng thái hiện tại: đã đăng ký, chưa trả lời.');
    expect(confirmedMessage(result({ status: 'accepted' }), false)).toContain('đã nhận lời tham dự');
  });

  it('shows the conference and the check-in code, escaped', () => {
    const page = registrationConfirmedPage(result(), true);
    expect(page).toContain('Hội nghị &lt;tập huấn&gt;');
    expect(page).toContain('<strong>K7Q4ZP</strong>');
  });
});
