import { AppConfig } from '../config/app-config';
import { ServiceUnavailableException } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { BridgePointSummary, fold } from '../bridge-points/bridge-point-summary.repository';
import { SummaryCache } from '../bridge-points/summary-cache';
import { BoardFeed, BoardListener, POLL_MS } from './board-feed';
import { BoardPointRow } from './board-tiles';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';

const CONFERENCE = { id: 'c1', title: 'Hội nghị', status: 'published', startsAt: new Date('2025-07-15T01:00:00Z'), endsAt: new Date('2025-07-15T04:30:00Z'), timezone: 'Asia/Ho_Chi_Minh', version: 1 };
const row = (id: string, overrides: Partial<BoardPointRow> = {}): BoardPointRow => ({
  id,
  name: `Điểm cầu ${id}`,
  level: 'provincial',
  isMain: false,
  region: 'Tây Nguyên',
  provinceCode: '66',
  confirmationStatus: 'pending',
  connectionStatus: 'untested',
  expectedAttendees: null,
  reportedAttendees: null,
  checkedInAttendees: 0,
  ...overrides,
});

function setUp() {
  const db = { marker: 'm1', rows: [row('a'), row('b')], failing: false };
  const calls = { marker: 0, points: 0 };
  const repository = {
    conference: async () => CONFERENCE,
    marker: async () => {
      calls.marker++;
      if (db.failing) throw new Error('database restarting');
      return db.marker;
    },
    points: async () => {
      calls.points++;
      return db.rows.map((r) => ({ ...r }));
    },
  } as unknown as BoardRepository;
  const summaries = { get: async (): Promise<BridgePointSummary> => fold([]), invalidate: jest.fn() } as unknown as SummaryCache;
  const logger = { warn: jest.fn() } as unknown as PinoLogger;
  const feed = new BoardFeed(repository, new BoardService(repository, summaries), logger, { boardStreams: { heartbeatMs: 15_000 } } as AppConfig);
  return { db, calls, feed, summaries, logger };
}

function listener() {
  const events: { event: string; data: unknown }[] = [];
  const l = { send: jest.fn((event: string, data: unknown) => events.push({ event, data })), ping: jest.fn(), close: jest.fn() };
  return { l: l as unknown as BoardListener & typeof l, events };
}

describe('BoardFeed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls once per tick for a conference however many boards are open, and pushes only the changed tiles', async () => {
    const { db, calls, feed, summaries } = setUp();
    const one = listener();
    const two = listener();
    const stopOne = await feed.subscribe('c1', one.l);
    const stopTwo = await feed.subscribe('c1', two.l);
    expect(one.events[0].event).toBe('snapshot');
    expect(two.events[0].event).toBe('snapshot');
    expect(feed.watchedCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(calls.marker).toBe(1 + 3);
    expect(calls.points).toBe(1);

    db.marker = 'm2';
    db.rows = [row('a', { confirmationStatus: 'confirmed' }), row('b')];
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(summaries.invalidate).toHaveBeenCalledWith('c1');
    for (const l of [one, two]) {
      expect(l.events[1]).toMatchObject({ event: 'delta', data: { tiles: [['a', 'Điểm cầu a', 'c', 'u', null, null]] } });
    }
    stopOne();
    stopTwo();
    expect(feed.watchedCount()).toBe(0);
    const before = calls.marker;
    await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(calls.marker).toBe(before);
  });

  it('sends the whole board again when a point is added', async () => {
    const { db, feed } = setUp();
    const one = listener();
    await feed.subscribe('c1', one.l);
    db.marker = 'm2';
    db.rows = [...db.rows, row('c')];
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(one.events.map((e) => e.event)).toEqual(['snapshot', 'snapshot']);
  });

  it('pings every subscriber about every 15 seconds, and keeps going after a failed poll', async () => {
    const { db, feed, logger } = setUp();
    const one = listener();
    await feed.subscribe('c1', one.l);
    db.failing = true;
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(logger.warn).toHaveBeenCalled();
    db.failing = false;
    await jest.advanceTimersByTimeAsync(15_000);
    expect(one.l.ping).toHaveBeenCalled();
    db.marker = 'm2';
    db.rows = [row('a', { connectionStatus: 'failed' }), row('b')];
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(one.events.at(-1)).toMatchObject({ event: 'delta' });
  });

  it('closes every stream when the application shuts down and takes no new subscriber', async () => {
    const { feed } = setUp();
    const one = listener();
    await feed.subscribe('c1', one.l);
    feed.onModuleDestroy();
    expect(one.l.close).toHaveBeenCalled();
    expect(feed.watchedCount()).toBe(0);
    await expect(feed.subscribe('c1', listener().l)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});
