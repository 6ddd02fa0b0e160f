import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** Random URL-safe tokens for signed links, and the hash they are stored and looked up by. */
@Injectable()
export class TokenMaker {
  make(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
