/**
 * The editable content of the minutes (biên bản), section by section, in the order of the
 * Decree 30 form. Stored as JSON; every section is replaced whole by an edit.
 */

/** A person as signed or named in a document: chức vụ and họ tên (either may be left blank to fill in). */
export interface PersonLine {
  title: string;
  name: string;
}

/** Tên cơ quan chủ quản, tên cơ quan ban hành, số, địa danh và ngày tháng. */
export interface DocumentHeader {
  /** Superior body (cơ quan chủ quản), printed above the issuing body; null when there is none. */
  superiorBody: string | null;
  /** Issuing body (cơ quan ban hành), printed in capitals, bold. */
  issuingBody: string;
  /** Its abbreviation in the number ("BDVTW" in "15/BB-BDVTW"). */
  abbreviation: string;
  /** The serial given by the records office (văn thư); null until it is given. */
  number: string | null;
  place: string;
  /** YYYY-MM-DD. */
  date: string;
}

export interface BridgePointLine {
  bridgePointId: string | null;
  name: string;
  expected: number | null;
  /** The point's actual attendance (its reported headcount, else its check-ins; see bridge-point-attendance). */
  actual: number | null;
  /** The main bridge point (điểm cầu chính), where the conference is chaired. */
  isMain?: boolean;
  /** The result of the point's last connection check. Absent in minutes drafted before it was recorded. */
  connection?: 'untested' | 'ok' | 'failed' | 'degraded';
  /** Whether the point confirmed it would join. Absent in minutes drafted before it was recorded. */
  confirmation?: 'pending' | 'confirmed' | 'declined';
}

export interface DelegateLine {
  name: string;
  title: string | null;
}

export interface DelegatesAtPoint {
  bridgePointId: string | null;
  name: string;
  /** The point's actual attendance, as in the bridge-point table. */
  count: number;
  /** The people who attended by name (checked in); may be fewer than `count` when the point reported a headcount. */
  delegates: DelegateLine[];
}

export interface ProceedingLine {
  agendaItemId: string | null;
  /** "08:10", wall clock in the conference's time zone. */
  time: string;
  title: string;
  speakers: string[];
  summary: string;
}

export interface AwardRecipientLine {
  kind: 'individual' | 'collective';
  name: string;
  title: string | null;
  organization: string | null;
  achievement: string | null;
}

export interface AwardLine {
  decisionId: string | null;
  number: string | null;
  awardFormName: string;
  issuingAuthority: string | null;
  recipients: AwardRecipientLine[];
}

/** A copy of an action item as the minutes record it (the live item may move on). */
export interface ActionItemLine {
  actionItemId: string | null;
  description: string;
  assignee: string;
  deadline: string | null;
}

export interface MinutesSections {
  header: DocumentHeader;
  /** The conference's name, printed under "BIÊN BẢN". */
  title: string;
  opening: { startedAt: string; venue: string | null };
  /** `count`: the points other than the main one whose last connection check found them connected. */
  bridgePoints: { count: number; items: BridgePointLine[] };
  composition: { chair: PersonLine; secretary: PersonLine; delegatesByBridgePoint: DelegatesAtPoint[] };
  proceedings: ProceedingLine[];
  awards: AwardLine[];
  conclusions: string[];
  actionItems: ActionItemLine[];
  closing: { endedAt: string; text: string };
  signatures: { secretary: PersonLine; chair: PersonLine };
  distribution: string[];
}

export const MINUTES_SECTION_NAMES = [
  'header',
  'title',
  'opening',
  'bridgePoints',
  'composition',
  'proceedings',
  'awards',
  'conclusions',
  'actionItems',
  'closing',
  'signatures',
  'distribution',
] as const satisfies readonly (keyof MinutesSections)[];
