import { Injectable } from '@nestjs/common';
import { tooMany } from '../common/errors';
import { AppConfig } from '../config/app-config';

/**
 * Counts the live board streams this instance holds, per user and in all: each holds a
 * connection and a share of every board update, so one user (or a script with one token) cannot
 * open thousands. Beyond BOARD_STREAMS_PER_USER or BOARD_STREAMS_MAX a new stream answers 429.
 */
@Injectable()
export class BoardStreams {
  private readonly byUser = new Map<string, number>();
  private total = 0;

  constructor(private readonly config: AppConfig) {}

  /** Takes a place for one stream of `userId`; call the answer (once) when the stream ends. */
  open(userId: string): () => void {
    const { perUser, max } = this.config.boardStreams;
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= perUser) {
      throw tooMany('request', 'too_many_streams', `Tài khoản này đang mở ${mine} bảng theo dõi trực tiếp, tối đa ${perUser}; hãy đóng bớt cửa sổ rồi thử lại.`);
    }
    if (this.total >= max) {
      throw tooMany('request', 'streams_full', 'Máy chủ đang phục vụ tối đa số bảng theo dõi trực tiếp. Vui lòng thử lại sau ít phút.');
    }
    this.byUser.set(userId, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byUser.get(userId) ?? 1) - 1;
      if (left > 0) this.byUser.set(userId, left);
      else this.byUser.delete(userId);
    };
  }

  /** Streams open now, for tests and diagnostics. */
  count(userId?: string): number {
    return userId === undefined ? this.total : (this.byUser.get(userId) ?? 0);
  }
}
