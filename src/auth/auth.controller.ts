import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './auth.decorators';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { LoginDto, LoginResponseDto, toUserResponse, UserResponseDto } from './user.dto';
import { User } from './user.entity';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Exchanges an email and password for a bearer token (JWT) to send as `Authorization: Bearer <token>` on the other /api routes, ' +
      'until expiresAt. No token is needed. A wrong password, an unknown email and a deactivated account all answer the same ' +
      '401 (code invalid_credentials, "Email hoặc mật khẩu không đúng."). Repeated attempts for one account are rate limited (429).',
  })
  @ApiOkResponse({ type: LoginResponseDto, description: 'a bearer token for the other routes' })
  @ApiErrors({
    401: 'the email or password is wrong, or the account is deactivated (invalid_credentials)',
    429: 'too many sign-in attempts for this email from this address (too_many_logins); try again later',
  })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Ends every session of the signed-in account: this token and all others issued to it so far are refused from now on ' +
      '(on other instances within a few seconds). Changing the password or deactivating the account does the same. Any signed-in user.',
  })
  @ApiNoContentResponse({ description: 'signed out; sign in again for a new token' })
  logout(@CurrentUser() user: User): Promise<void> {
    return this.auth.logout(user);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({
    summary: 'Read the signed-in account',
    description:
      "The account the bearer token belongs to: email, name, role and administrative-unit scope (bridgePointIds is left empty here). " +
      'Any signed-in user.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'the signed-in account' })
  me(@CurrentUser() user: User): UserResponseDto {
    return toUserResponse(user);
  }
}
