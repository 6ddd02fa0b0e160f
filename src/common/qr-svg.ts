const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A QR code of `text` as an SVG document, labelled for screen readers: the RSVP page's code of a
 * delegate and the hall screen's check-in link are drawn the same way.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  // qrcode (~8 MB once loaded) comes with the first page that needs it, not at start.
  const { toString: qrToString } = await import('qrcode');
  const svg = await qrToString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const attribute = label.replace(/[&<>"]/g, (c) => ATTRIBUTE_ESCAPES[c]);
  return svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${attribute}" `);
}
