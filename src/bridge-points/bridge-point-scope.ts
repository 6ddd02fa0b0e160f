import { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { UserBridgePoint } from '../auth/user-bridge-point.entity';
import { User } from '../auth/user.entity';
import { BridgePoint } from './bridge-point.entity';

/**
 * What an operator may act on: the bridge points assigned to them, plus, when scoped to an
 * administrative unit (vn-34), that province's point and every commune point under it, or
 * that one commune's point. Other roles are not restricted by bridge point (`null`).
 */
export interface OperatorScope {
  bridgePointIds: string[];
  provinceCode: string | null;
  communeCode: string | null;
}

export async function scopeOf(manager: EntityManager, user: User): Promise<OperatorScope | null> {
  if (user.role !== 'operator') return null;
  const assigned = await manager.find(UserBridgePoint, { where: { userId: user.id } });
  const code = user.administrativeUnitCode;
  return {
    bridgePointIds: assigned.map((a) => a.bridgePointId),
    provinceCode: code && code.length === 2 ? code : null,
    communeCode: code && code.length === 5 ? code : null,
  };
}

export function inScope(point: BridgePoint, scope: OperatorScope | null): boolean {
  if (!scope) return true;
  if (scope.bridgePointIds.includes(point.id)) return true;
  if (point.administrativeUnitSet !== 'vn-34') return false;
  if (scope.provinceCode && point.provinceCode === scope.provinceCode) return true;
  return scope.communeCode !== null && point.administrativeUnitCode === scope.communeCode;
}

/** Restricts a query over bridge points (`alias`) to an operator's scope. */
export function whereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: OperatorScope | null,
): SelectQueryBuilder<T> {
  if (!scope) return qb;
  const clauses = ['1 = 0'];
  const params: Record<string, unknown> = {};
  if (scope.bridgePointIds.length > 0) {
    clauses.push(`${alias}.id IN (:...scopeIds)`);
    params.scopeIds = scope.bridgePointIds;
  }
  if (scope.provinceCode) {
    clauses.push(`(${alias}.administrativeUnitSet = 'vn-34' AND ${alias}.provinceCode = :scopeProvince)`);
    params.scopeProvince = scope.provinceCode;
  }
  if (scope.communeCode) {
    clauses.push(`(${alias}.administrativeUnitSet = 'vn-34' AND ${alias}.administrativeUnitCode = :scopeCommune)`);
    params.scopeCommune = scope.communeCode;
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
