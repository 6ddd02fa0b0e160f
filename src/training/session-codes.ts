import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { normalizeAttendeeCode } from '../attendees/attendee-code';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';

/** How long one code is shown; the code of the step before is accepted too, so a code read at the last second still works. */
export const CODE_STEP_SECONDS = 45;
/** The attendee codes' alphabet: no 0/O, 1/I/L to mistake when typed from a screen. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;
/** How far back a code is recognised as expired (rather than wrong): ten minutes. */
const RECOGNISED_STEPS = Math.ceil(600 / CODE_STEP_SECONDS);

export type CodeReading = 'current' | 'expired' | 'wrong';

/**
 * The rotating code a session's hall screen shows (mã điểm danh buổi học): an HMAC of the
 * session and the time step under a key derived from the server secret, so every instance
 * sharing JWT_SECRET shows and accepts the same code without storing anything.
 */
@Injectable()
export class SessionCodes {
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', resolveJwtSecret(config)).update('session-check-in-code').digest();
  }

  /** The code shown now and when it stops being shown. */
  current(agendaItemId: string): { code: string; expiresAt: Date } {
    const step = this.stepAt(this.clock.now());
    return { code: this.codeOf(agendaItemId, step), expiresAt: new Date((step + 1) * CODE_STEP_SECONDS * 1000) };
  }

  /** current: the code of this step or the one before; expired: of one of the last ten minutes; wrong: neither. */
  read(agendaItemId: string, input: string): CodeReading {
    const code = normalizeAttendeeCode(input);
    const step = this.stepAt(this.clock.now());
    if (this.same(code, this.codeOf(agendaItemId, step)) || this.same(code, this.codeOf(agendaItemId, step - 1))) return 'current';
    for (let back = 2; back <= RECOGNISED_STEPS; back++) {
      if (this.same(code, this.codeOf(agendaItemId, step - back))) return 'expired';
    }
    return 'wrong';
  }

  codeOf(agendaItemId: string, step: number): string {
    const digest = createHmac('sha256', this.key).update(`${agendaItemId}:${step}`).digest();
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[digest[i] % ALPHABET.length];
    return code;
  }

  private stepAt(at: Date): number {
    return Math.floor(at.getTime() / 1000 / CODE_STEP_SECONDS);
  }

  private same(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}
