import { AttendanceDto, ConfirmBridgePointDto, ConnectionCheckDto, DeclineBridgePointDto } from '../bridge-points/bridge-point.dto';
import { CONFIRM_FORMS } from './confirm-page';
import { fieldMessage, readForm } from './page-form';

describe('page forms', () => {
  it('reads a valid confirmation with the API rules (phone as +84, email lower case, "1.000" as a thousand)', async () => {
    const result = await readForm(ConfirmBridgePointDto, CONFIRM_FORMS.confirm, {
      chairName: '  Nguyễn Văn An ',
      expectedAttendees: '1.000',
      contactName: 'Trần Thị Bình',
      contactPhone: '0912 345 678',
      contactEmail: 'KyThuat@BacNinh.gov.vn',
      chairTitle: '',
      unexpected: 'ignored',
    });
    expect(result.errors).toEqual({});
    expect(result.dto).toMatchObject({
      chairName: 'Nguyễn Văn An',
      expectedAttendees: 1000,
      contactPhone: '+84912345678',
      contactEmail: 'kythuat@bacninh.gov.vn',
    });
    expect(result.dto).not.toHaveProperty('chairTitle');
    expect(result.dto).not.toHaveProperty('unexpected');
  });

  it('answers one Vietnamese message per wrong field and keeps what was typed', async () => {
    const result = await readForm(ConfirmBridgePointDto, CONFIRM_FORMS.confirm, {
      chairName: '',
      expectedAttendees: 'mười',
      contactName: 'Trần Thị Bình',
      contactPhone: '12345',
      contactEmail: 'khong-phai-email',
    });
    expect(result.dto).toBeUndefined();
    expect(result.errors).toEqual({
      chairName: 'Vui lòng nhập họ tên người chủ trì.',
      expectedAttendees: 'Số đại biểu dự kiến phải là một số nguyên, ví dụ 45.',
      contactPhone: 'Số điện thoại cán bộ kỹ thuật không đúng dạng số điện thoại Việt Nam, ví dụ 0912 345 678.',
      contactEmail: 'Email cán bộ kỹ thuật không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.',
    });
    expect(result.values.expectedAttendees).toBe('mười');
  });

  it('names the limits the DTO sets: too many attendees, negative numbers, too long a reason, a missing choice', async () => {
    expect((await readForm(AttendanceDto, CONFIRM_FORMS.attendance, { actualAttendees: '200000' })).errors).toEqual({
      actualAttendees: 'Số đại biểu thực tế không được lớn hơn 100.000.',
    });
    expect((await readForm(AttendanceDto, CONFIRM_FORMS.attendance, { actualAttendees: '-3' })).errors).toEqual({
      actualAttendees: 'Số đại biểu thực tế không được nhỏ hơn 0.',
    });
    expect((await readForm(DeclineBridgePointDto, CONFIRM_FORMS.decline, { reason: 'x'.repeat(1001) })).errors).toEqual({
      reason: 'Lý do không tham dự dài quá 1000 ký tự.',
    });
    expect((await readForm(ConnectionCheckDto, CONFIRM_FORMS['connection-check'], { result: 'rat-tot' })).errors).toEqual({
      result: 'Vui lòng chọn kết quả kiểm tra.',
    });
    expect((await readForm(ConnectionCheckDto, CONFIRM_FORMS['connection-check'], undefined)).errors).toEqual({
      result: 'Vui lòng chọn kết quả kiểm tra.',
    });
  });

  it('falls back to a plain sentence for a constraint it does not know', () => {
    expect(fieldMessage({ label: 'mã', kind: 'text' }, { isUuid: 'x' })).toBe('Mã không hợp lệ.');
  });
});
