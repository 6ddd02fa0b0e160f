/**
 * Where the hall screen's QR code leads: a short path a phone camera opens (`/s/<item>/<code>`),
 * whose page checks in the delegate whose RSVP link the phone remembers.
 */
export function sessionScanPath(itemId: string, code: string): string {
  return `/s/${encodeURIComponent(itemId)}/${encodeURIComponent(code)}`;
}
