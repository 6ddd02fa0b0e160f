import { notFound } from '../common/errors';

/** 404 for an attendee that is not in the conference, or not the caller's to see (one wording everywhere). */
export const attendeeNotFound = (field = 'attendeeId') => notFound(field, 'attendee_not_found', 'Không tìm thấy đại biểu.');

