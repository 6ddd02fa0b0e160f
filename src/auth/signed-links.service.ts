import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { gone, notFound } from '../common/errors';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { SignedLink, SignedLinkKind } from './signed-link.entity';
import { TokenMaker } from './token-maker';

export interface IssuedLink {
  id: string;
  token: string;
  expiresAt: Date;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

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

  /** Issues links inside the caller's transaction; the tokens are returned once and never stored. */
  issue(
    manager: EntityManager,
    kind: SignedLinkKind,
    targets: { conferenceId: string; bridgePointId?: string; attendeeId?: string }[],
    expiresAt: Date,
    createdBy: string | null,
  ): Promise<IssuedLink[]> {
    return this.issueMany(manager, kind, targets.map((t) => ({ ...t, expiresAt })), createdBy);
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
    if (!link) throw notFound('token', 'unknown', 'Liên kết không hợp lệ.');
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
