import { AwardLine } from './minutes-sections';

/** The part of an award decision the minutes record (the awards module's response has more). */
export interface AwardDecisionLike {
  id: string;
  number: string;
  issuingAuthority: string;
  /** The heading of its awards, with the decision's own authority: "Bằng khen của Ban Dân vận Trung ương". */
  awardTitle: string;
  recipients: {
    kind: 'individual' | 'collective';
    name: string | null;
    title: string | null;
    organization: string | null;
    achievement: string | null;
  }[];
}

/** The awards presented, as lines of the minutes, in the order the decisions and recipients come. */
export function toAwardLines(decisions: AwardDecisionLike[]): AwardLine[] {
  return decisions.map((d) => ({
    decisionId: d.id,
    number: d.number,
    awardFormName: d.awardTitle,
    issuingAuthority: d.issuingAuthority,
    recipients: d.recipients.map((r) => ({
      kind: r.kind,
      // A collective is named by its organization when the decision gives no separate name.
      name: r.name ?? r.organization ?? '',
      title: r.title,
      organization: r.name ? r.organization : null,
      achievement: r.achievement,
    })),
  }));
}
