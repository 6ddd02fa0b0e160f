import { ConflictException } from '@nestjs/common';
import { confirmationAfter } from './bridge-point-confirmation';

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
    expect(() => confirmationAfter(point('declined'), 'confirm')).toThrow(
      'bridge point "Điểm cầu tỉnh Bắc Ninh" is already declined; an organizer must reopen it before it can confirm',
    );
    expect(() => confirmationAfter(point('confirmed'), 'decline')).toThrow(ConflictException);
  });

  it('reopens to pending from any state', () => {
    expect(confirmationAfter(point('declined'), 'reopen')).toBe('pending');
    expect(confirmationAfter(point('confirmed'), 'reopen')).toBe('pending');
  });
});
