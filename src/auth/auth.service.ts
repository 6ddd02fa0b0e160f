import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';
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
  ) {
    this.decoyHash = hasher.hash('decoy password that matches nothing');
  }

  /** A wrong password, an unknown email and a deactivated user all answer the same 401. */
  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ email: dto.email });
    const valid = await this.hasher.verify(dto.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !valid || !user.active) throw new UnauthorizedException('email or password is incorrect');
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }
}
