import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Roles } from './auth.decorators';
import { CreateUserDto, UpdateUserDto, UserListQueryDto, UserResponseDto } from './user.dto';
import { UsersService } from './users.service';

const NOT_ADMIN = 'the caller is not an admin';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'List accounts',
    description: 'One page of the user accounts, ordered by email, optionally of one role. Role: admin.',
  })
  @ApiPageResponse(UserResponseDto, 'the accounts')
  @ApiErrors({ 403: NOT_ADMIN })
  list(@Query() query: UserListQueryDto): Promise<Page<UserResponseDto>> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an account',
    description:
      'Creates a user account with a role: admin, organizer, operator or viewer. An operator is scoped by bridge points (điểm cầu) ' +
      'and/or a vn-34 province or commune (đơn vị hành chính). The email must be unused, ignoring case. Role: admin.',
  })
  @ApiCreatedResponse({ type: UserResponseDto, description: 'the new account' })
  @ApiErrors({
    400: 'a field is wrong, administrativeUnitCode is not in the vn-34 catalogue, or a bridge point does not exist; each detail names the field with a code',
    403: NOT_ADMIN,
    409: 'another account already uses this email (email_taken)',
  })
  create(@Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read an account', description: 'One user account with its bridge points. Role: admin.' })
  @ApiOkResponse({ type: UserResponseDto, description: 'the account' })
  @ApiErrors({ 403: NOT_ADMIN, 404: 'no account has this id (user_not_found)' })
  get(@Param('id', ParseUuidPipe) id: string): Promise<UserResponseDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an account',
    description:
      'Changes the fields given, checked against the version read: name, role, password, scope, bridge points (replaced as a whole), ' +
      'or active (false deactivates the account: its tokens stop being accepted and it cannot sign in). Role: admin.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'the account as changed' })
  @ApiErrors({
    400: 'a field is wrong, administrativeUnitCode is not in the vn-34 catalogue, or a bridge point does not exist; each detail names the field with a code',
    403: NOT_ADMIN,
    404: 'no account has this id (user_not_found)',
    409: 'the version is stale (stale_version)',
  })
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.update(id, dto);
  }
}
