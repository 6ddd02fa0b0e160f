import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

const TTL_MS = 5000;

/**
 * The signed-in user behind each request, kept for a few seconds so that a busy status board
 * does not cost a user query per request. A change made through this instance drops the entry
 * at once; one made through another instance takes effect within TTL_MS.
 */
@Injectable()
export class UserCache {
  private readonly entries = new Map<string, { at: number; user: Promise<User | null> }>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  get(id: string): Promise<User | null> {
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < TTL_MS) return hit.user;
    const user = this.users.findOneBy({ id });
    this.entries.set(id, { at: now, user });
    user.catch(() => this.entries.delete(id));
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value!);
    return user;
  }

  invalidate(id: string): void {
    this.entries.delete(id);
  }
}
