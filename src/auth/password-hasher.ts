import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PasswordCheckGate } from './password-check-gate';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Passwords are kept only as scrypt hashes; the parameters travel with each hash so they can be
 * raised later. Every hash runs through a PasswordCheckGate (PASSWORD_CHECKS_CONCURRENT at once).
 */
@Injectable()
export class PasswordHasher {
  private readonly gate: PasswordCheckGate;

  constructor(@Optional() config?: AppConfig) {
    this.gate = new PasswordCheckGate(config?.passwordChecks.concurrent ?? 2, config?.passwordChecks.queued ?? 16);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.gate.run(() => derive(password, salt, N, R, P));
    return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.gate.run(() => derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p)));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
