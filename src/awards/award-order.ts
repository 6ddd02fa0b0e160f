import { searchKey } from '../common/text';
import { decisionOrdinal } from './decision-number';
import { AwardForm } from './award-form.entity';
import { RecipientKind } from './award-recipient.entity';

/** What ranks a decision's issuing authority: its award form's level and the form's issuing authority. */
export type AuthorityOf = Pick<AwardForm, 'level' | 'issuingAuthority'>;

/** A decision with its award form (null when the form is not in the catalogue). */
export interface RankedDecision {
  decision: { signedAt: string; number: string };
  form: AuthorityOf | null;
}

/** The state-level authorities in rank order; another state-level authority follows them. */
const STATE_AUTHORITIES = ['Chủ tịch nước', 'Thủ tướng Chính phủ'].map(searchKey);
const LOWER_LEVELS: AwardForm['level'][] = ['ministry', 'province', 'commune', 'unit'];

/**
 * 0 for Chủ tịch nước, 1 for Thủ tướng Chính phủ, then any other state-level authority, central
 * bodies (ministries, Ban of the Central Committee), provinces, communes, units; an unknown form last.
 */
export function authorityRank(form: AuthorityOf | null): number {
  if (form?.level === 'state') {
    const key = searchKey(form.issuingAuthority);
    // A custom form may write the authority in full: "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam".
    const at = STATE_AUTHORITIES.findIndex((authority) => key === authority || key.startsWith(`${authority} `));
    return at < 0 ? STATE_AUTHORITIES.length : at;
  }
  const level = form ? LOWER_LEVELS.indexOf(form.level) : -1;
  return STATE_AUTHORITIES.length + 1 + (level < 0 ? LOWER_LEVELS.length : level);
}

/**
 * The order of an award list (danh sách khen thưởng) and of the minutes' awards: by the rank of
 * the authority that awards (Chủ tịch nước first, units last), then by signing date, then by
 * number (45/QĐ-… before 123/QĐ-…). In each decision, collectives come before individuals, each
 * in order of presentation (position, then name).
 */
export function compareDecisions(a: RankedDecision, b: RankedDecision): number {
  return (
    authorityRank(a.form) - authorityRank(b.form) ||
    a.decision.signedAt.localeCompare(b.decision.signedAt) ||
    decisionOrdinal(a.decision.number) - decisionOrdinal(b.decision.number) ||
    a.decision.number.localeCompare(b.decision.number, 'vi')
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
