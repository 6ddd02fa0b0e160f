import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { badField, gone } from '../common/errors';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { SignedLink, SignedLinkKind } from './signed-link.entity';
import { TokenMaker } from './token-maker';
import { unknownLink } from './link-errors';

export interface IssuedLink {
  id: string;
  token: string;
  expiresAt: Date;
}

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long a link of each kind lives, counted from the end of its conference (or from now, when
 * that is later): by default `graceDays`; at most `maxDays`, whatever expiry is asked for. A
 * confirmation or RSVP link is a credential for one point or one person and outlives its
 * conference by half a year at most; a calendar feed (read-only, and listing the person's later
 * conferences too) by a little over a year.
 */
export const LINK_LIFETIME: Record<SignedLinkKind, { graceDays: number; maxDays: number }> = {
  bridge_point: { graceDays: 30, maxDays: 180 },
  attendee: { graceDays: 30, maxDays: 180 },
  calendar: { graceDays: 365, maxDays: 400 },
};

const dateVi = (date: Date) => date.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * Signed links give one person without an account access to exactly one bridge point or one
 * attendee. The token is random, shown once, and stored only as its SHA-256; a link expires
 * and can be revoked.
 */
@Injectable()
export class SignedLinksService {
  constructor(
    @InjectRepository(SignedLink) private readonly links: Repository<SignedLink>,
    private readonly tokens: TokenMaker,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * When a new link of `kind` for a conference ending at `conferenceEndsAt` stops working: the
   * expiry asked for (ISO 8601), or LINK_LIFETIME's default. Refuses one in the past (400
   * `expires_in_past`) and one past the kind's maximum (400 `expires_too_late`).
   */
  expiryOf(kind: SignedLinkKind, conferenceEndsAt: Date, requested?: string): Date {
    const now = this.clock.now().getTime();
    const from = Math.max(conferenceEndsAt.getTime(), now);
    const { graceDays, maxDays } = LINK_LIFETIME[kind];
    if (requested === undefined) return new Date(from + graceDays * DAY_MS);
    const expiresAt = new Date(requested);
    if (expiresAt.getTime() <= now) throw badField('expiresAt', 'expires_in_past', 'Thời hạn của liên kết (expiresAt) phải ở tương lai.');
    const latest = new Date(from + maxDays * DAY_MS);
    if (expiresAt.getTime() > latest.getTime()) {
      throw badField(
        'expiresAt',
        'expires_too_late',
        `Liên kết loại này có hiệu lực tối đa ${maxDays} ngày sau khi hội nghị kết thúc (đến ngày ${dateVi(latest)}).`,
      );
    }
    return expiresAt;
  }

  /**
   * Issues links inside the caller's transaction; the tokens are returned once and never stored.
   * With `replace`, the live links of the same kind for the same targets are revoked first, so
   * only the new one opens.
   */
  async issue(
    manager: EntityManager,
    kind: SignedLinkKind,
    targets: { conferenceId: string; bridgePointId?: string; attendeeId?: string }[],
    expiresAt: Date,
    createdBy: string | null,
    options: { replace?: boolean } = {},
  ): Promise<IssuedLink[]> {
    if (options.replace) await this.revokeKind(manager, kind, targets);
    return this.issueMany(manager, kind, targets.map((t) => ({ ...t, expiresAt })), createdBy);
  }

  /** Revokes the live links of `kind` for these bridge points or attendees. */
  private async revokeKind(manager: EntityManager, kind: SignedLinkKind, targets: { bridgePointId?: string; attendeeId?: string }[]): Promise<void> {
    const now = this.clock.now();
    for (const column of ['bridgePointId', 'attendeeId'] as const) {
      const ids = targets.map((t) => t[column]).filter((id): id is string => id !== undefined);
      for (let i = 0; i < ids.length; i += 500) {
        await manager.update(SignedLink, { kind, [column]: In(ids.slice(i, i + 500)), revokedAt: IsNull() }, { revokedAt: now });
      }
    }
  }

  /** Like `issue`, with an expiry per link. */
  async issueMany(
    manager: EntityManager,
    kind: SignedLinkKind,
    targets: { conferenceId: string; bridgePointId?: string; attendeeId?: string; expiresAt: Date }[],
    createdBy: string | null = null,
  ): Promise<IssuedLink[]> {
    const issued = targets.map((target) => ({ target, id: newId(), token: this.tokens.make() }));
    const rows = issued.map(({ target, id, token }) => ({
      id,
      tokenHash: this.tokens.hash(token),
      kind,
      conferenceId: target.conferenceId,
      bridgePointId: target.bridgePointId ?? null,
      attendeeId: target.attendeeId ?? null,
      expiresAt: target.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      createdBy,
    }));
    for (let i = 0; i < rows.length; i += 300) await manager.insert(SignedLink, rows.slice(i, i + 300));
    return issued.map(({ target, id, token }) => ({ id, token, expiresAt: target.expiresAt }));
  }

  /** Revokes every live link of one bridge point or attendee; answers how many. */
  async revoke(manager: EntityManager, where: { bridgePointId?: string; attendeeId?: string }): Promise<number> {
    const result = await manager.update(SignedLink, { ...where, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return result.affected ?? 0;
  }

  /** The live link a token opens: 404 when unknown, 410 when expired or revoked (messages for people, in Vietnamese). */
  async resolve(token: string, kind: SignedLinkKind): Promise<SignedLink> {
    const link = TOKEN_SHAPE.test(token) ? await this.links.findOneBy({ tokenHash: this.tokens.hash(token), kind }) : null;
    if (!link) throw unknownLink();
    if (link.revokedAt) {
      throw gone('token', 'revoked', 'Liên kết đã bị thu hồi. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.');
    }
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw gone('token', 'expired', 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.');
    }
    return link;
  }

  url(path: string, token: string): string {
    return `${this.config.publicBaseUrl}/${path}/${token}`;
  }
}
