import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { unauthorized } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';
import { UserCache } from './user-cache';
import { LoginDto, LoginResponseDto } from './user.dto';
import { User } from './user.entity';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly cache: UserCache,
  ) {
    this.decoyHash = hasher.hash('decoy password that matches nothing');
  }

  /** A wrong password, an unknown email and a deactivated user all answer the same 401. */
  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ email: dto.email });
    const valid = await this.hasher.verify(dto.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !valid || !user.active) {
      throw unauthorized('body', 'invalid_credentials', 'Email hoặc mật khẩu không đúng.');
    }
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, tv: user.tokenVersion });
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }

  /** Signs the user out everywhere: every token issued to them so far is refused from now on. */
  async logout(user: User): Promise<void> {
    await this.users.increment({ id: user.id }, 'tokenVersion', 1);
    this.cache.invalidate(user.id);
  }
}
