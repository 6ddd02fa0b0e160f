import { searchKey } from '../common/text';

const OF = ' của ';

/**
 * The heading of a decision's awards: the form's name with the decision's own issuing authority
 * after "của" ("Bằng khen của Ban Trung ương Đảng" by Ban Dân vận Trung ương is "Bằng khen của Ban
 * Dân vận Trung ương"). A name without "của" ("Huân chương Lao động hạng Ba") is kept as it is:
 * the record states only what the data shows, so no wording is made up for it. Nor is a decision
 * that gives the catalogue's generic authority reworded.
 */
export function awardTitle(formName: string, issuingAuthority: string, formAuthority?: string): string {
  const at = formName.indexOf(OF);
  const authority = issuingAuthority.trim();
  if (at < 0 || authority === '') return formName;
  // The catalogue's own generic authority ("Trưởng ban của Ban Trung ương Đảng") is already what the name says.
  if (formAuthority !== undefined && searchKey(formAuthority) === searchKey(authority)) return formName;
  return `${formName.slice(0, at)}${OF}${authority}`;
}
