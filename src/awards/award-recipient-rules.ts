import { EntityManager, In } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { CodedDetail, refusal } from '../common/errors';
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

/** A kind as a sentence names it: "cá nhân (individual)". */
export const kindLabel = (kind: string): string =>
  kind in KIND_LABELS ? `${KIND_LABELS[kind as RecipientKind].toLowerCase()} (${kind})` : kind;

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
export function recipientProblems(r: RecipientFields, form: Pick<AwardForm, 'name' | 'recipientKinds'>): CodedDetail[] {
  const problems: CodedDetail[] = [];
  if (!r.name && !r.organization) {
    problems.push({
      field: 'name',
      code: 'name_or_organization_required',
      message: 'Người được khen thưởng cần có họ và tên (tên tập thể) hoặc đơn vị.',
    });
  }
  const allowed = recipientKindsOf(form);
  if (!allowed.includes(r.kind)) {
    problems.push({
      field: 'kind',
      code: 'kind_not_allowed',
      message: `${form.name} không dành cho ${kindLabel(r.kind)}; hình thức này dành cho ${allowed.map(kindLabel).join(' hoặc ')}.`,
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
  // One after another: `m` may be a transaction's, one connection running one query at a time.
  const items = agendaIds.length ? await m.find(AgendaItem, { select: { id: true }, where: { conferenceId: conference.id, id: In(agendaIds) } }) : [];
  const points = pointIds.length ? await m.find(BridgePoint, { select: { id: true }, where: { conferenceId: conference.id, id: In(pointIds) } }) : [];
  const units = codes.length ? await m.find(AdministrativeUnit, { select: { code: true }, where: { set: unitSet, code: In(codes) } }) : [];
  return {
    agendaItems: new Set(items.map((i) => i.id)),
    bridgePoints: new Set(points.map((p) => p.id)),
    units: new Set(units.map((u) => u.code)),
    unitSet,
  };
}

/** References that are not of this conference (agenda item, bridge point) or not in its catalogue (unit). */
export function referenceProblems(
  r: Pick<RecipientFields, 'agendaItemId' | 'bridgePointId' | 'administrativeUnitCode'>,
  refs: ReferenceLookup,
): CodedDetail[] {
  const problems: CodedDetail[] = [];
  if (r.agendaItemId && !refs.agendaItems.has(r.agendaItemId)) {
    problems.push({
      field: 'agendaItemId',
      code: 'agenda_item_not_found',
      message: `Mục chương trình ${r.agendaItemId} không thuộc hội nghị này.`,
    });
  }
  if (r.bridgePointId && !refs.bridgePoints.has(r.bridgePointId)) {
    problems.push({ field: 'bridgePointId', code: 'bridge_point_not_found', message: `Điểm cầu ${r.bridgePointId} không thuộc hội nghị này.` });
  }
  if (r.administrativeUnitCode && !refs.units.has(r.administrativeUnitCode)) {
    problems.push({
      field: 'administrativeUnitCode',
      code: 'administrative_unit_not_found',
      message: `Không có đơn vị hành chính mã ${r.administrativeUnitCode} trong danh mục ${refs.unitSet}, danh mục áp dụng vào ngày diễn ra hội nghị.`,
    });
  }
  return problems;
}

/** One 400 listing every problem, each field prefixed (`items.2.kind`). */
export function refuseIfAny(problems: CodedDetail[]): void {
  if (problems.length === 0) return;
  throw refusal(400, problems);
}

export const prefixed = (prefix: string, problems: CodedDetail[]): CodedDetail[] =>
  problems.map((p) => ({ ...p, field: `${prefix}${p.field}` }));
