import { OperatorScope, inScope } from '../bridge-points/bridge-point-scope';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { refusal } from '../common/errors';
import { UpdateActionItemDto } from './action-item.dto';
import { ActionItem } from './action-item.entity';

/**
 * What an operator may change on an action item assigned to its own bridge point: how the work
 * is going, nothing the conference decided (what, who, by when).
 */
export const OPERATOR_FIELDS: readonly (keyof UpdateActionItemDto)[] = ['status', 'progressNote'];

/**
 * 403 naming every field of an update an operator may not change. Fields are allowed by name, so
 * a field added to the update later stays closed to operators until it is listed here.
 */
export function assertOperatorFields(dto: UpdateActionItemDto): void {
  const refused = Object.entries(dto)
    .filter(([field, value]) => value !== undefined && field !== 'version' && !(OPERATOR_FIELDS as readonly string[]).includes(field))
    .map(([field]) => field);
  if (refused.length === 0) return;
  throw refusal(
    403,
    refused.map((field) => ({
      field,
      code: 'operator_cannot_change',
      message: `Cán bộ vận hành điểm cầu không được sửa ${field}; chỉ được cập nhật ${OPERATOR_FIELDS.join(' và ')}.`,
    })),
    `Cán bộ vận hành điểm cầu chỉ được cập nhật trạng thái (status) và kết quả thực hiện (progressNote) của nhiệm vụ; không được sửa ${refused.join(', ')}.`,
  );
}

/**
 * Whether an operator reports on this item: it is assigned to a bridge point in the operator's
 * scope. An item assigned only to a unit, or to no point, is nobody's bridge point's.
 */
export function reportsOn(item: Pick<ActionItem, 'assigneeBridgePointId'>, point: BridgePoint | null, scope: OperatorScope | null): boolean {
  if (!scope) return true;
  return !!item.assigneeBridgePointId && point?.id === item.assigneeBridgePointId && inScope(point, scope);
}
