import { connectedCount, connectionSentences, hasStandings, standingOf } from './minutes-attendance';
import { BridgePointLine } from './minutes-sections';

const line = (name: string, over: Partial<BridgePointLine> = {}): BridgePointLine => ({
  bridgePointId: null,
  name,
  expected: null,
  actual: null,
  isMain: false,
  connection: 'untested',
  confirmation: 'pending',
  ...over,
});

const main = line('Điểm cầu Trung ương', { isMain: true, connection: 'untested', confirmation: 'confirmed' });

describe('where a bridge point stands in the minutes', () => {
  it('takes a connection check over the confirmation', () => {
    expect(standingOf(line('A', { connection: 'ok', confirmation: 'declined' }))).toBe('connected');
    expect(standingOf(line('A', { connection: 'degraded' }))).toBe('degraded');
    expect(standingOf(line('A', { connection: 'failed', confirmation: 'confirmed' }))).toBe('failed');
  });

  it('tells untested points apart by their answer', () => {
    expect(standingOf(line('A', { confirmation: 'confirmed' }))).toBe('untested_confirmed');
    expect(standingOf(line('A', { confirmation: 'pending' }))).toBe('untested_pending');
    expect(standingOf(line('A', { confirmation: 'declined' }))).toBe('declined');
  });

  it('keeps the main point out of every group', () => {
    expect(standingOf(main)).toBe('main');
    expect(connectedCount([main, line('A', { connection: 'ok' })])).toBe(1);
  });
});

describe('the sentences about the bridge points', () => {
  it('counts as connected only points whose check was ok or degraded, and says each other group', () => {
    const lines = [
      main,
      line('Điểm cầu tỉnh Bắc Ninh', { connection: 'ok', confirmation: 'confirmed' }),
      line('Điểm cầu tỉnh Lào Cai', { connection: 'degraded', confirmation: 'confirmed' }),
      line('Điểm cầu tỉnh Cao Bằng', { connection: 'failed', confirmation: 'confirmed' }),
      line('Điểm cầu tỉnh Điện Biên', { confirmation: 'confirmed' }),
      line('Điểm cầu tỉnh Lai Châu'),
      line('Điểm cầu tỉnh Sơn La', { confirmation: 'declined' }),
    ];
    expect(connectionSentences(lines)).toEqual([
      'Theo kết quả kiểm tra kết nối, Hội nghị được kết nối từ Điểm cầu Trung ương tới 2 điểm cầu, trong đó 1 điểm cầu kết nối không ổn định.',
      'Kết nối lỗi: 1 điểm cầu (Điểm cầu tỉnh Cao Bằng).',
      'Đã xác nhận tham dự nhưng chưa kiểm tra kết nối: 1 điểm cầu (Điểm cầu tỉnh Điện Biên).',
      'Chưa phản hồi và chưa kiểm tra kết nối: 1 điểm cầu (Điểm cầu tỉnh Lai Châu).',
      'Không tham dự: 1 điểm cầu (Điểm cầu tỉnh Sơn La).',
    ]);
  });

  it('says that no point is known to be connected rather than "connected to 0 points"', () => {
    expect(connectionSentences([main, line('A', { confirmation: 'confirmed' })])[0]).toBe(
      'Chưa có điểm cầu nào được ghi nhận đã kết nối qua kiểm tra kết nối.',
    );
  });

  it('leaves out empty groups, and names no points when a group is too long to read', () => {
    const many = Array.from({ length: 25 }, (_, i) => line(`Điểm cầu xã ${i}`, { connection: 'ok' }));
    const failed = Array.from({ length: 21 }, (_, i) => line(`Điểm cầu phường ${i}`, { connection: 'failed' }));
    expect(connectionSentences([main, ...many, ...failed])).toEqual([
      'Theo kết quả kiểm tra kết nối, Hội nghị được kết nối từ Điểm cầu Trung ương tới 25 điểm cầu.',
      'Kết nối lỗi: 21 điểm cầu.',
    ]);
  });

  it('says nothing about connections when the conference has only its main point', () => {
    expect(connectionSentences([main])).toEqual([]);
  });

  it('recognizes minutes drafted before the connection state was recorded', () => {
    expect(hasStandings([{ bridgePointId: null, name: 'A', expected: 1, actual: 1 }])).toBe(false);
    expect(hasStandings([main])).toBe(true);
  });
});
