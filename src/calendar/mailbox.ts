export interface Mailbox {
  name: string;
  email: string;
}

const NAMED = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/;

/**
 * Splits `Ban Tổ chức Hội nghị <hoinghi@hoinghi.local>` (MAIL_FROM) into a display name and an
 * address; a bare address gets `fallbackName`.
 */
export function parseMailbox(value: string, fallbackName: string): Mailbox {
  const named = NAMED.exec(value);
  if (named) return { name: named[1].trim() || fallbackName, email: named[2] };
  const bare = value.trim();
  if (/^[^<>\s]+@[^<>\s]+$/.test(bare)) return { name: fallbackName, email: bare };
  throw new Error(`MAIL_FROM "${value}" is not an address such as "Ban Tổ chức Hội nghị <hoinghi@example.vn>"`);
}

/**
 * A display name safe inside a quoted iCalendar parameter (CN="…"): RFC 5545 quoted strings
 * cannot hold a double quote or control characters, and a backslash is not an escape there.
 */
export function quotableName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
