import { badField, notFound } from '../common/errors';

/** 404 for a bridge point that is not one of the conference's, or not the caller's to see. */
export const bridgePointNotFound = (pointId: string, field = 'bpId') =>
  notFound(field, 'bridge_point_not_found', `Không tìm thấy điểm cầu ${pointId} trong hội nghị này.`);

/** 400 for a field naming a bridge point of another conference. */
export const pointNotOfConference = (pointId: string, field = 'bridgePointId') =>
  badField(field, 'bridge_point_not_found', `Điểm cầu ${pointId} không thuộc hội nghị này.`);
