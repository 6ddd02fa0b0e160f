/**
 * An administrative document in the Decree 30 layout, independent of the file format: the
 * two-column header, the document type and title, the body, the signature blocks and the
 * recipients. docx-document.ts and pdf-document.ts write it as DOCX and PDF alike.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** A body paragraph: justified with a first-line indent unless `align` says otherwise. */
  | { kind: 'paragraph'; runs: Run[]; align?: 'left' | 'center' | 'justify'; indent?: boolean; keepWithNext?: boolean }
  /** A heading inside the body (I., II., …): bold, no indent, kept with what follows. */
  | { kind: 'heading'; text: string }
  /** A ruled table; widths are relative; numeric columns are centred. */
  | { kind: 'table'; columns: { header: string; width: number; center?: boolean }[]; rows: string[][] };

export interface Signature {
  /** Thẩm quyền ký ("TL. TRƯỞNG BAN"), bold capitals above the caption; optional. */
  authority?: string;
  /** "THƯ KÝ", "CHỦ TỌA", or the signer's position in capitals. */
  caption: string;
  /** Italic note under the caption, e.g. "(Ký, ghi rõ họ tên)". */
  note?: string;
  /** The signer's name, bold, after room for the signature; empty leaves the room blank. */
  name: string;
}

export interface DecreeDocument {
  /** Document metadata title. */
  metaTitle: string;
  header: {
    /** Cơ quan chủ quản, regular capitals; null when there is none. */
    superiorBody: string | null;
    /** Cơ quan ban hành, bold capitals. */
    issuingBody: string;
    /** "Số: 15/BB-BDVTW". */
    numberLine: string;
    /** "Hà Nội, ngày 15 tháng 7 năm 2022". */
    placeAndDate: string;
  };
  /** "BIÊN BẢN", "THÔNG BÁO". */
  documentType: string;
  /** Trích yếu, bold and centred under the type, with a short line under it. */
  title: string;
  body: Block[];
  signatures: { left: Signature | null; right: Signature | null };
  /** Nơi nhận: beside the signer (left of the right signature) or below both signatures. */
  recipients: { lines: string[]; placement: 'beside' | 'below' } | null;
}

/** "- Như trên;" … "- Lưu: VT." — the recipient list punctuated as the decree's forms are. */
export function recipientLines(lines: string[]): string[] {
  return lines.map((line, i) => {
    const bare = line.replace(/^[-–\s]+/, '').replace(/[;.,\s]+$/, '');
    return `- ${bare}${i === lines.length - 1 ? '.' : ';'}`;
  });
}

/** Capitals as Vietnamese writes them (ư → Ư, đ → Đ). */
export const upper = (text: string): string => text.toLocaleUpperCase('vi');
