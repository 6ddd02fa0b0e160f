/**
 * What every error answer of the API must look like (DESIGN.md's envelope, issue "first run"):
 * a Vietnamese `message`, and details that each name a field and carry a stable snake_case
 * `code` with a Vietnamese message. The e2e harness runs this on every JSON error the suite
 * provokes, so a refusal added with English words or without a code fails the test that sent it.
 */

/** Letters only Vietnamese writing has (ASCII-only Vietnamese is not how this API writes). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** Words of the English messages this API used to answer with. */
const ENGLISH = /\b(must|should|not found|is not|are not|cannot|required|invalid|already|larger than|too many|unknown)\b/i;
const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const isVietnamese = (text: unknown): boolean => typeof text === 'string' && VIETNAMESE.test(text) && !ENGLISH.test(text.replace(/"[^"]*"/g, ''));

/** The problems of one error body, empty when it has the envelope's shape in Vietnamese with codes. */
export function errorLanguageProblems(status: number, body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) return [`${status}: the body is not an error envelope`];
  const envelope = body as { statusCode?: unknown; message?: unknown; details?: unknown };
  if (envelope.statusCode !== status) problems.push(`${status}: statusCode is ${String(envelope.statusCode)}`);
  if (!isVietnamese(envelope.message)) problems.push(`${status}: message is not Vietnamese: ${JSON.stringify(envelope.message)}`);
  if (!Array.isArray(envelope.details)) return [...problems, `${status}: details is not a list`];
  for (const detail of envelope.details as Record<string, unknown>[]) {
    const where = `${status} ${String(detail.field)}`;
    if (typeof detail.field !== 'string') problems.push(`${where}: a detail names no field`);
    if (typeof detail.code !== 'string' || !CODE.test(detail.code)) problems.push(`${where}: code ${JSON.stringify(detail.code)} is not a snake_case code`);
    if (!isVietnamese(detail.message)) problems.push(`${where}: message is not Vietnamese: ${JSON.stringify(detail.message)}`);
  }
  return problems;
}
