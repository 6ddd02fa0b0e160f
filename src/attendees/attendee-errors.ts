import { badField, notFound } from '../common/errors';

/** 404 for an attendee that is not in the conference, or not the caller's to see (one wording everywhere). */
export const attendeeNotFound = (field = 'attendeeId') => notFound(field, 'attendee_not_found', 'Không tìm thấy đại biểu.');

/** 400 for a link whose expiry (`expiresAt`) is not after now. */
export const expiryInPast = () => badField('expiresAt', 'not_in_future', 'Thời điểm hết hạn (expiresAt) phải ở sau thời điểm hiện tại.');
