import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { AppConfig } from '../config/app-config';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { resolveJwtSecret } from './jwt-secret';
import { address, addressAndEmail } from './login-throttler.guard';
import { OperatorPoints } from './operator-points';
import { PasswordHasher } from './password-hasher';
import { rateLimitStorage } from './rate-limit-storage';
import { SignedLink } from './signed-link.entity';
import { Sessions } from './session';
import { SignedLinksService } from './signed-links.service';
import { TokenMaker } from './token-maker';
import { UserCache } from './user-cache';
import { UserBridgePoint } from './user-bridge-point.entity';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserBridgePoint, SignedLink]),
    AdministrativeUnitsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse it as a
        // public key on every verification, which cost more than the rest of a request.
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config))),
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, db: DataSource) => ({
        // Instances sharing Redis or one PostgreSQL count attempts together; SQLite keeps them in memory.
        storage: rateLimitStorage(config, db),
        throttlers: [
          // Guessing one account's password is slowed down; colleagues behind the same gateway still sign in …
          { name: 'login', ttl: config.loginRateLimit.windowMs, limit: config.loginRateLimit.limit, getTracker: addressAndEmail },
          // … and one address cannot spread a flood over many accounts.
          { name: 'login-address', ttl: config.loginRateLimit.windowMs, limit: config.loginRateLimit.addressLimit, getTracker: address },
          // Self-registration posts per address (each may send a mail); only its own guard counts them.
          { name: 'registration', ttl: config.selfRegistration.rateWindowMs, limit: config.selfRegistration.rateLimit, getTracker: address },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    AccessTokens,
    UsersService,
    PasswordHasher,
    TokenMaker,
    UserCache,
    SignedLinksService,
    Sessions,
    OperatorPoints,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, SignedLinksService, Sessions, TokenMaker, AuthService, AccessTokens, OperatorPoints],
})
export class AuthModule {}
