import { ConflictException } from '@nestjs/common';
import { confirmationAfter } from './bridge-point-confirmation';

/** The body of the refusal `fn` throws. */
function refusalOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as ConflictException).getResponse();
  }
  throw new Error('expected a refusal');
}

const point = (confirmationStatus: 'pending' | 'confirmed' | 'declined') => ({ name: 'Điểm cầu tỉnh Bắc Ninh', confirmationStatus });

describe('bridge point confirmation', () => {
  it('confirms or declines a pending point', () => {
    expect(confirmationAfter(point('pending'), 'confirm')).toBe('confirmed');
    expect(confirmationAfter(point('pending'), 'decline')).toBe('declined');
  });

  it('treats confirming twice and declining twice as harmless', () => {
    expect(confirmationAfter(point('confirmed'), 'confirm')).toBe('confirmed');
    expect(confirmationAfter(point('declined'), 'decline')).toBe('declined');
  });

  it('needs a reopen between a decline and a confirmation, either way', () => {
    expect(() => confirmationAfter(point('declined'), 'confirm')).toThrow(ConflictException);
    expect(refusalOf(() => confirmationAfter(point('declined'), 'confirm'))).toEqual({
      message: 'Điểm cầu tỉnh Bắc Ninh đã từ chối tham dự; không thể xác nhận nữa cho đến khi Ban Tổ chức mở lại.',
      details: [
        {
          field: 'confirmationStatus',
          code: 'already_declined',
          message: 'Điểm cầu tỉnh Bắc Ninh đã từ chối tham dự; không thể xác nhận nữa cho đến khi Ban Tổ chức mở lại.',
        },
      ],
    });
    expect(() => confirmationAfter(point('confirmed'), 'decline')).toThrow(ConflictException);
    expect(refusalOf(() => confirmationAfter(point('confirmed'), 'decline'))).toMatchObject({
      details: [{ field: 'confirmationStatus', code: 'already_confirmed', message: 'Điểm cầu tỉnh Bắc Ninh đã xác nhận tham dự; không thể từ chối nữa cho đến khi Ban Tổ chức mở lại.' }],
    });
  });

  it('reopens to pending from any state', () => {
    expect(confirmationAfter(point('declined'), 'reopen')).toBe('pending');
    expect(confirmationAfter(point('confirmed'), 'reopen')).toBe('pending');
  });
});
