import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { unavailable } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { DatabaseThrottlerStorage } from './database-throttler-storage';

type Increment = ThrottlerStorage['increment'];

/** What a limited request answers while the shared counters cannot be reached: refused, not let through uncounted. */
const countersUnavailable = () =>
  unavailable('request', 'rate_limit_unavailable', 'Hệ thống tạm thời không kiểm tra được giới hạn truy cập. Vui lòng thử lại sau ít phút.');

/**
 * Rate-limit counters in Redis (REDIS_URL), shared by every instance that points at it, through
 * a well-kept storage (one Lua script per hit, atomic). When Redis does not answer, a limited
 * request fails fast with 503 instead of waiting for a reconnection: a login that cannot be
 * counted is not let through. The connection closes with the app.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly storage: ThrottlerStorageRedisService;

  constructor(url: string) {
    // One retry per command, then the error: a flood must not pile up behind a lost connection.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
    this.redis.on('error', () => undefined); // reported per request as 503; ioredis reconnects by itself
    this.storage = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(...args: Parameters<Increment>): ReturnType<Increment> {
    try {
      return await this.storage.increment(...args);
    } catch {
      throw countersUnavailable();
    }
  }

  onApplicationShutdown(): void {
    // No write is worth waiting for: a counter lost at shutdown only forgets one attempt.
    this.redis.disconnect();
  }
}

/**
 * Where the login (and registration) counters live: Redis when REDIS_URL is set, PostgreSQL when
 * it is the database (instances on one database count together), otherwise the process's memory
 * (SQLite means one instance). `undefined` selects the throttler's own in-memory storage.
 */
export function rateLimitStorage(config: AppConfig, db: DataSource): ThrottlerStorage | undefined {
  if (config.redisUrl) return new RedisThrottlerStorage(config.redisUrl);
  if (config.database.type === 'postgres') return new DatabaseThrottlerStorage(db);
  return undefined;
}
