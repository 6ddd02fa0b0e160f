import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { unauthorized } from '../common/errors';
import { Session } from './session';
import { UserCache } from './user-cache';
import { User } from './user.entity';

interface TokenPayload {
  sub: string;
  exp?: number;
  /** The user's tokenVersion when it was issued (absent in tokens older than the version: 0). */
  tv?: number;
}

interface Subject {
  sub: string;
  tokenVersion: number;
  expiresAtMs: number | null;
}

const endedSession = () =>
  unauthorized('authorization', 'session_ended', 'Phiên đăng nhập đã kết thúc (đã đăng xuất, đổi mật khẩu hoặc khóa tài khoản). Vui lòng đăng nhập lại.');
const invalidToken = () => unauthorized('authorization', 'token_invalid', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');

/** How many verified tokens are remembered (one per signed-in session, at most). */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * The one check of an access token, wherever it arrives (the API's bearer header, the
 * console's cookie): a valid signature, not expired, an active user at the same token version
 * (no sign-out, new password or deactivation since). The user is re-read through a few-second
 * cache that user changes clear, so a deactivated user or a changed role takes effect.
 */
@Injectable()
export class AccessTokens {
  /**
   * Tokens already verified, with their subject and expiry: checking the signature of the same
   * token again on each of a client's requests cost a sixth of a simple read. An entry is used
   * only until the token's own expiry.
   */
  private readonly verified = new Map<string, Subject & { expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly users: UserCache,
  ) {}

  /** The user and session a token stands for, or 401 (token_invalid, session_ended). */
  async authenticate(token: string): Promise<{ user: User; session: Session }> {
    const subject = await this.subjectOf(token);
    const user = subject !== null ? await this.users.get(subject.sub) : null;
    if (!user || !user.active) throw invalidToken();
    if (subject!.tokenVersion !== user.tokenVersion) throw endedSession();
    return { user, session: { userId: user.id, tokenVersion: subject!.tokenVersion, expiresAtMs: subject!.expiresAtMs } };
  }

  /** The user id and token version a valid, unexpired token was issued with (null when it names none). */
  private async subjectOf(token: string): Promise<Subject | null> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known;
    if (known) this.verified.delete(token);
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw invalidToken();
    }
    if (typeof payload.sub !== 'string') return null;
    const expiresAtMs = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
    const subject = { sub: payload.sub, tokenVersion: typeof payload.tv === 'number' ? payload.tv : 0, expiresAtMs };
    if (expiresAtMs !== null) {
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...subject, expiresAtMs });
    }
    return subject;
  }
}
