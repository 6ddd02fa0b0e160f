import { ActionItemLine, DocumentHeader } from './minutes-sections';

/** The signer of a notice: the authority line ("TL. TRƯỞNG BAN", "KT. TRƯỞNG BAN"), title and name. */
export interface NoticeSigner {
  authority: string;
  title: string;
  name: string;
}

/** The editable content of a conclusion notice (thông báo kết luận), in the Decree 30 form. */
export interface NoticeSections {
  header: DocumentHeader;
  /** Printed under "THÔNG BÁO": "Kết luận của … tại Hội nghị …". */
  title: string;
  /** The opening paragraph (date, conference, who chaired, who attended). */
  introduction: string;
  conclusions: string[];
  actionItems: ActionItemLine[];
  signer: NoticeSigner;
  distribution: string[];
}

export const NOTICE_SECTION_NAMES = [
  'header',
  'title',
  'introduction',
  'conclusions',
  'actionItems',
  'signer',
  'distribution',
] as const satisfies readonly (keyof NoticeSections)[];
