import { notFound } from '../common/errors';

/** 404 for a token that names no link of the kind asked for, whatever its shape (one wording everywhere). */
export const unknownLink = (field = 'token') => notFound(field, 'unknown', 'Liên kết không hợp lệ.');
