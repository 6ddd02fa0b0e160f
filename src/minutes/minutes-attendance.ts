import { BridgePointLine } from './minutes-sections';

/**
 * Where a bridge point stands in the minutes, from what was recorded about it: the main point;
 * connected (its last connection check was ok or degraded); a failed check; no check, by whether
 * the point confirmed or never answered; declined. A connection check outranks the confirmation:
 * a point that declined but was then tested ok did connect.
 */
export type PointStanding = 'main' | 'connected' | 'degraded' | 'failed' | 'untested_confirmed' | 'untested_pending' | 'declined';

export function standingOf(line: BridgePointLine): PointStanding {
  if (line.isMain) return 'main';
  if (line.connection === 'ok') return 'connected';
  if (line.connection === 'degraded') return 'degraded';
  if (line.connection === 'failed') return 'failed';
  if (line.confirmation === 'declined') return 'declined';
  return line.confirmation === 'confirmed' ? 'untested_confirmed' : 'untested_pending';
}

/** The cell of the minutes' bridge-point table. */
export const STANDING_LABELS: Record<PointStanding, string> = {
  main: 'Điểm cầu chính',
  connected: 'Đã kết nối',
  degraded: 'Đã kết nối, không ổn định',
  failed: 'Kết nối lỗi',
  untested_confirmed: 'Chưa kiểm tra kết nối',
  untested_pending: 'Chưa phản hồi',
  declined: 'Không tham dự',
};

/** Names are spelled out in a sentence up to this many; beyond it the table lists them. */
const NAMED_UP_TO = 20;

const vn = (n: number) => n.toLocaleString('vi-VN');

function group(lines: BridgePointLine[], standings: PointStanding[]): BridgePointLine[] {
  return lines.filter((l) => standings.includes(standingOf(l)));
}

function counted(lines: BridgePointLine[]): string {
  const names = lines.length <= NAMED_UP_TO ? ` (${lines.map((l) => l.name).join('; ')})` : '';
  return `${vn(lines.length)} điểm cầu${names}`;
}

/** Whether these lines carry what each point's standing is read from (minutes drafted since it is recorded). */
export const hasStandings = (lines: BridgePointLine[]): boolean => lines.every((l) => l.isMain !== undefined && l.connection !== undefined);

/**
 * The sentences of the minutes about the bridge points, one per group that has any: how many
 * points the conference was connected to (by connection check), then those whose check failed,
 * those that confirmed without a check, those that never answered, and those that declined.
 * Each states a count from the data, never more.
 */
export function connectionSentences(lines: BridgePointLine[]): string[] {
  const main = lines.find((l) => l.isMain);
  const connected = group(lines, ['connected', 'degraded']);
  const degraded = group(lines, ['degraded']);
  const others = lines.filter((l) => !l.isMain);
  if (others.length === 0) return [];
  const sentences: string[] = [];
  const from = main ? ` từ ${main.name}` : '';
  if (connected.length > 0) {
    const unstable = degraded.length > 0 ? `, trong đó ${vn(degraded.length)} điểm cầu kết nối không ổn định` : '';
    sentences.push(`Theo kết quả kiểm tra kết nối, Hội nghị được kết nối${from} tới ${vn(connected.length)} điểm cầu${unstable}.`);
  } else {
    sentences.push('Chưa có điểm cầu nào được ghi nhận đã kết nối qua kiểm tra kết nối.');
  }
  const failed = group(lines, ['failed']);
  if (failed.length > 0) sentences.push(`Kết nối lỗi: ${counted(failed)}.`);
  const confirmed = group(lines, ['untested_confirmed']);
  if (confirmed.length > 0) sentences.push(`Đã xác nhận tham dự nhưng chưa kiểm tra kết nối: ${counted(confirmed)}.`);
  const pending = group(lines, ['untested_pending']);
  if (pending.length > 0) sentences.push(`Chưa phản hồi và chưa kiểm tra kết nối: ${counted(pending)}.`);
  const declined = group(lines, ['declined']);
  if (declined.length > 0) sentences.push(`Không tham dự: ${counted(declined)}.`);
  return sentences;
}

/** The number the minutes state as "kết nối tới N điểm cầu": points other than the main one, connected by check. */
export const connectedCount = (lines: BridgePointLine[]): number => group(lines, ['connected', 'degraded']).length;
