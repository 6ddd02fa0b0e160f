import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: LoginResponseDto, description: 'a bearer token for the other routes' })
  @ApiUnauthorizedResponse({ description: 'email or password is incorrect' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts' })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserResponseDto, description: 'the signed-in account' })
  me(@CurrentUser() user: User): UserResponseDto {
    return toUserResponse(user);
  }
}
