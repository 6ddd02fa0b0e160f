import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { TokenMaker } from '../auth/token-maker';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { RegistrationRequest } from './registration-request.entity';

export interface IssuedConfirmation {
  request: RegistrationRequest;
  token: string;
}

/**
 * The tokens of self-registration confirmation links. The mail composer asks for them when it
 * writes the mails, so no raw token ever sits in the outbox; only the SHA-256 is stored, and the
 * link lives REGISTRATION_CONFIRMATION_HOURS from then. A mail written again (a retry) carries a
 * new token, which replaces the one before.
 */
@Injectable()
export class RegistrationConfirmationLinks {
  constructor(
    private readonly tokens: TokenMaker,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Tokens for the requests among `requestIds` still waiting for confirmation, by request id. */
  async issue(m: EntityManager, requestIds: string[]): Promise<Map<string, IssuedConfirmation>> {
    const issued = new Map<string, IssuedConfirmation>();
    if (requestIds.length === 0) return issued;
    const expiresAt = new Date(this.clock.now().getTime() + this.config.selfRegistration.confirmationTtlMs);
    const pending = await m.findBy(RegistrationRequest, { id: In([...new Set(requestIds)]), confirmedAt: IsNull() });
    for (const request of pending) {
      const token = this.tokens.make();
      await m.update(RegistrationRequest, { id: request.id }, { tokenHash: this.tokens.hash(token), expiresAt });
      issued.set(request.id, { request: { ...request, expiresAt }, token });
    }
    return issued;
  }
}
