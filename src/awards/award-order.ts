import { searchKey } from '../common/text';
import { decisionOrdinal } from './decision-number';
import { RecipientKind } from './award-recipient.entity';

/**
 * The order of an award list (danh sách khen thưởng): decisions by signing date, then number
 * (45/QĐ-… before 123/QĐ-…); in each, collectives before individuals, each in order of
 * presentation (position, then name).
 */
export function compareDecisions(a: { signedAt: string; number: string }, b: { signedAt: string; number: string }): number {
  return (
    a.signedAt.localeCompare(b.signedAt) ||
    decisionOrdinal(a.number) - decisionOrdinal(b.number) ||
    a.number.localeCompare(b.number, 'vi')
  );
}

interface Ordered {
  id: string;
  position: number;
  name: string | null;
  organization: string | null;
}

/** Presentation order within a decision: position, then name, then id so equal rows keep one order. */
export function compareRecipients(a: Ordered, b: Ordered): number {
  const label = (r: Ordered) => searchKey(r.name ?? r.organization ?? '');
  return a.position - b.position || label(a).localeCompare(label(b)) || a.id.localeCompare(b.id);
}

export interface AwardSection<R> {
  kind: RecipientKind;
  /** "I. TẬP THỂ", "II. CÁ NHÂN": numbered in the order the sections appear. */
  label: string;
  recipients: R[];
}

const ROMAN = ['I', 'II'];
const SECTION_TITLES: Record<RecipientKind, string> = { collective: 'TẬP THỂ', individual: 'CÁ NHÂN' };

/** A decision's recipients split into sections, collectives first, empty sections left out. */
export function sectionsOf<R extends Ordered & { kind: RecipientKind }>(recipients: R[]): AwardSection<R>[] {
  const kinds: RecipientKind[] = ['collective', 'individual'];
  return kinds
    .map((kind) => ({ kind, recipients: recipients.filter((r) => r.kind === kind).sort(compareRecipients) }))
    .filter((section) => section.recipients.length > 0)
    .map((section, i) => ({ ...section, label: `${ROMAN[i]}. ${SECTION_TITLES[section.kind]}` }));
}
