import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

/** How often windows that have ended are deleted. */
const SWEEP_MS = 60_000;

/**
 * Rate-limit counters in PostgreSQL, so that every instance on one database counts the same
 * attempts: a login flood split over two instances is limited as one. A fixed window per key:
 * the first hit opens it for `ttl` ms, each hit inside it counts one, and a key over its limit
 * stays refused until the window ends. One upsert per hit; ended windows are swept once a minute.
 * On SQLite (one instance) the counters stay in memory.
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private lastSweep = 0;

  constructor(private readonly db: DataSource) {}

  async increment(key: string, ttl: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const now = Date.now();
    const [row] = (await this.db.query(
      `INSERT INTO rate_limits (key, hits, expires_at_ms) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.expires_at_ms <= $2::bigint THEN 1 ELSE rate_limits.hits + 1 END,
         expires_at_ms = CASE WHEN rate_limits.expires_at_ms <= $2::bigint THEN $2::bigint + $3::bigint ELSE rate_limits.expires_at_ms END
       RETURNING hits, expires_at_ms`,
      [key, now, ttl],
    )) as { hits: number | string; expires_at_ms: number | string }[];
    void this.sweep(now);
    const totalHits = Number(row.hits);
    const timeToExpire = Math.max(0, Math.ceil((Number(row.expires_at_ms) - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_MS) return;
    this.lastSweep = now;
    await this.db.query('DELETE FROM rate_limits WHERE expires_at_ms <= $1::bigint', [now]).catch(() => undefined);
  }
}
