import { BadRequestException } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { ErrorDetail } from '../common/error-envelope';
import { searchKey } from '../common/text';
import { AwardForm } from './award-form.entity';
import { RecipientKind } from './award-recipient.entity';

/** A recipient's fields as the rules see them, from a request or an import row. */
export interface RecipientFields {
  kind: RecipientKind;
  name: string | null;
  title: string | null;
  organization: string | null;
  administrativeUnitCode: string | null;
  achievement: string | null;
  agendaItemId: string | null;
  bridgePointId: string | null;
  presenterName: string | null;
}

export const KIND_LABELS: Record<RecipientKind, string> = { individual: 'Cá nhân', collective: 'Tập thể' };

/** Provinces were renumbered on 1 July 2025 (vn-34); earlier conferences name units of vn-63. */
const VN34_FROM = Date.parse('2025-07-01T00:00:00+07:00');

/** The administrative-unit catalogue in force on the conference's day. */
export const unitSetOf = (conference: { startsAt: Date }): UnitSet => (conference.startsAt.getTime() < VN34_FROM ? 'vn-63' : 'vn-34');

export const recipientKindsOf = (form: Pick<AwardForm, 'recipientKinds'>): RecipientKind[] =>
  form.recipientKinds.split(';').filter((k): k is RecipientKind => k === 'individual' || k === 'collective');

/** kind + name + organization without diacritics: how an import recognises a recipient it has seen. */
export const recipientKey = (r: Pick<RecipientFields, 'kind' | 'name' | 'organization'>): string =>
  `${r.kind}|${searchKey(r.name ?? '')}|${searchKey(r.organization ?? '')}`.slice(0, 700);

/** The rules a recipient meets on its own and against its decision's award form. */
export function recipientProblems(r: RecipientFields, form: Pick<AwardForm, 'name' | 'recipientKinds'>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!r.name && !r.organization) {
    problems.push({ field: 'name', message: 'a recipient needs a name (Họ và tên / Tên tập thể) or an organization (Đơn vị)' });
  }
  const allowed = recipientKindsOf(form);
  if (!allowed.includes(r.kind)) {
    problems.push({
      field: 'kind',
      message: `${form.name} is not awarded to a ${r.kind} (${KIND_LABELS[r.kind]}); it takes ${allowed.map((k) => `${k} (${KIND_LABELS[k]})`).join(' or ')}`,
    });
  }
  return problems;
}

/** What recipients refer to in one conference: agenda items, bridge points, units of its catalogue. */
export interface ReferenceLookup {
  agendaItems: Set<string>;
  bridgePoints: Set<string>;
  units: Set<string>;
  unitSet: UnitSet;
}

/** Loads the referenced rows of many recipients in three queries, whatever their number. */
export async function loadReferences(
  m: EntityManager,
  conference: { id: string; startsAt: Date },
  recipients: Pick<RecipientFields, 'agendaItemId' | 'bridgePointId' | 'administrativeUnitCode'>[],
): Promise<ReferenceLookup> {
  const ids = (pick: (r: (typeof recipients)[number]) => string | null) => [
    ...new Set(recipients.map(pick).filter((v): v is string => v !== null)),
  ];
  const agendaIds = ids((r) => r.agendaItemId);
  const pointIds = ids((r) => r.bridgePointId);
  const codes = ids((r) => r.administrativeUnitCode);
  const unitSet = unitSetOf(conference);
  const [items, points, units] = await Promise.all([
    agendaIds.length ? m.find(AgendaItem, { select: { id: true }, where: { conferenceId: conference.id, id: In(agendaIds) } }) : [],
    pointIds.length ? m.find(BridgePoint, { select: { id: true }, where: { conferenceId: conference.id, id: In(pointIds) } }) : [],
    codes.length ? m.find(AdministrativeUnit, { select: { code: true }, where: { set: unitSet, code: In(codes) } }) : [],
  ]);
  return {
    agendaItems: new Set(items.map((i) => i.id)),
    bridgePoints: new Set(points.map((p) => p.id)),
    units: new Set(units.map((u) => u.code)),
    unitSet,
  };
}

/** References that are not of this conference (agenda item, bridge point) or not in its catalogue (unit). */
export function referenceProblems(r: Pick<RecipientFields, 'agendaItemId' | 'bridgePointId' | 'administrativeUnitCode'>, refs: ReferenceLookup): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.agendaItemId && !refs.agendaItems.has(r.agendaItemId)) {
    problems.push({ field: 'agendaItemId', message: `agendaItemId ${r.agendaItemId} is not an agenda item of this conference` });
  }
  if (r.bridgePointId && !refs.bridgePoints.has(r.bridgePointId)) {
    problems.push({ field: 'bridgePointId', message: `bridgePointId ${r.bridgePointId} is not a bridge point of this conference` });
  }
  if (r.administrativeUnitCode && !refs.units.has(r.administrativeUnitCode)) {
    problems.push({
      field: 'administrativeUnitCode',
      message: `administrativeUnitCode ${r.administrativeUnitCode} is not an administrative unit of ${refs.unitSet}, the catalogue in force on the conference's date`,
    });
  }
  return problems;
}

/** One 400 listing every problem, each field prefixed (`items.2.kind`). */
export function refuseIfAny(problems: ErrorDetail[]): void {
  if (problems.length === 0) return;
  throw new BadRequestException({ message: problems.map((p) => p.message).join('; '), details: problems });
}

export const prefixed = (prefix: string, problems: ErrorDetail[]): ErrorDetail[] =>
  problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message }));
