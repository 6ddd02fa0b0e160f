import { notFound } from '../common/errors';

/** 404 for a bridge point that is not one of the conference's, or not the caller's to see. */
export const bridgePointNotFound = (pointId: string, field = 'bpId') =>
  notFound(field, 'bridge_point_not_found', `Không tìm thấy điểm cầu ${pointId} trong hội nghị này.`);
