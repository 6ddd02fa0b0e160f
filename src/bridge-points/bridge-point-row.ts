import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { newId } from '../common/ids';
import { searchKey } from '../common/text';
import { BridgePoint } from './bridge-point.entity';
import { bridgePointName } from './bridge-point-naming';

export type NewBridgePoint = Omit<BridgePoint, 'createdAt' | 'updatedAt'>;

/** A new, pending, untested bridge point: the given fields over the defaults every new point has. */
export function newBridgePoint(
  fields: Pick<BridgePoint, 'conferenceId' | 'name' | 'level'> & Partial<NewBridgePoint>,
): NewBridgePoint {
  return {
    id: newId(),
    searchKey: searchKey(fields.name),
    isMain: false,
    administrativeUnitSet: null,
    administrativeUnitCode: null,
    provinceCode: null,
    region: null,
    parentId: null,
    address: null,
    chairName: null,
    chairTitle: null,
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    expectedAttendees: null,
    reportedAttendees: null,
    checkedInAttendees: 0,
    confirmationStatus: 'pending',
    declineReason: null,
    confirmedAt: null,
    connectionStatus: 'untested',
    connectionCheckedAt: null,
    notes: null,
    capacity: null,
    position: 0,
    version: 1,
    ...fields,
  };
}

/** The unit-derived part of a point: its name (see bridge-point-naming), level, province and region. */
export function unitFields(set: UnitSet, unit: AdministrativeUnit) {
  return {
    name: bridgePointName(unit),
    level: unit.level === 'province' ? ('provincial' as const) : ('commune' as const),
    administrativeUnitSet: set,
    administrativeUnitCode: unit.code,
    provinceCode: unit.level === 'province' ? unit.code : unit.parentCode,
    region: unit.region,
  };
}
