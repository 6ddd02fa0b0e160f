import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsUUID,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { coded } from '../common/validation-messages';
import { IsOmittable } from '../common/validators';
import { nfc } from '../common/text';
import { IsAcceptablePassword, MIN_PASSWORD_LENGTH } from './password-rules';
import { Role, ROLES } from './role';
import { User } from './user.entity';

const trimmedNfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? nfc(value) : value);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

const UNIT_CODE = /^\d{2}(\d{3})?$/;
const unitCodeMessage = () =>
  coded(
    'not_a_unit_code',
    'Trường "administrativeUnitCode" phải là mã tỉnh gồm 2 chữ số hoặc mã xã gồm 5 chữ số, ví dụ 24 hoặc 00004.',
  );
const bridgePointIdsMessage = () =>
  coded('not_a_uuid', 'Mỗi phần tử của trường "bridgePointIds" phải là mã định danh UUID của một điểm cầu.');

const ROLE_HELP =
  'admin: manages accounts and everything else; organizer: runs conferences; operator: acts for their own bridge points (điểm cầu) and administrative unit; viewer: reads only';

export class LoginDto {
  @ApiProperty({ description: 'the account email, in any case (compared lower-case)', example: 'admin@hoinghi.local' })
  @Transform(lowerEmail)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ description: 'the account password, as typed (compared after Unicode NFC normalization)', format: 'password' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'a JWT to send as `Authorization: Bearer <token>` on every other /api route' }) accessToken!: string;
  @ApiProperty({ description: 'always `Bearer`', example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ format: 'date-time', description: 'when the token stops being accepted (ISO 8601, UTC); sign in again after it' })
  expiresAt!: string;
}

export class CreateUserDto {
  @ApiProperty({ description: 'the sign-in email, unique among accounts ignoring case; stored lower-case', example: 'tochuc@bdvtw.vn' })
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 200,
    format: 'password',
    description: `the initial password, ${MIN_PASSWORD_LENGTH} to 200 characters, not only whitespace, not a common or trivially patterned one; only a hash is stored`,
  })
  @IsString()
  @IsAcceptablePassword()
  @MaxLength(200)
  password!: string;

  @ApiProperty({ description: 'the full name as shown in the application (trimmed, Unicode NFC)', example: 'Nguyễn Văn An' })
  @Transform(trimmedNfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: ROLES, description: `what the account may do. ${ROLE_HELP}` })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    description:
      "an operator's scope: the code of a province (2 digits) or commune (5 digits) of the current catalogue vn-34 (đơn vị hành chính); the operator may act on the bridge points located in it",
    example: '24',
  })
  @IsOptional()
  @Matches(UNIT_CODE, unitCodeMessage())
  administrativeUnitCode?: string;

  @ApiPropertyOptional({ type: [String], description: "UUIDs of the bridge points (điểm cầu) an operator acts for, in any conference; at most 5,000" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, ...bridgePointIdsMessage() })
  bridgePointIds?: string[];
}

export class UpdateUserDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 200,
    format: 'password',
    description: `a new password, by the same rules as the initial one; ends the account's current sessions; omit to keep the current one`,
  })
  @IsOmittable()
  @IsString()
  @IsAcceptablePassword()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'the new full name (trimmed, Unicode NFC); may not be null' })
  @IsOmittable()
  @Transform(trimmedNfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: `the new role; may not be null. ${ROLE_HELP}` })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "an operator's scope: a vn-34 province (2 digits) or commune (5 digits) code; null removes the scope",
    example: '24',
  })
  @IsOptional()
  @Matches(UNIT_CODE, unitCodeMessage())
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop being accepted and it cannot sign in; true reactivates it' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], description: "replaces the operator's bridge points (UUIDs); an empty list removes them all" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, ...bridgePointIdsMessage() })
  bridgePointIds?: string[];
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'only accounts with this role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserResponseDto {
  @ApiProperty({ description: 'UUID of the account' }) id!: string;
  @ApiProperty({ description: 'the sign-in email, lower-case' }) email!: string;
  @ApiProperty({ description: 'the full name' }) fullName!: string;
  @ApiProperty({ enum: ROLES, description: `what the account may do. ${ROLE_HELP}` }) role!: Role;
  @ApiProperty({ nullable: true, type: String, description: "an operator's vn-34 province or commune code; null when unscoped" })
  administrativeUnitCode!: string | null;
  @ApiProperty({ type: [String], description: "UUIDs of an operator's bridge points (điểm cầu)" }) bridgePointIds!: string[];
  @ApiProperty({ description: 'false: deactivated, cannot sign in' }) active!: boolean;
  @ApiProperty({ description: 'the version to send back with the next change' }) version!: number;
  @ApiProperty({ format: 'date-time', description: 'when the account was created (ISO 8601, UTC)' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the account was last changed (ISO 8601, UTC)' }) updatedAt!: string;
}

export function toUserResponse(user: User, bridgePointIds: string[] = []): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    administrativeUnitCode: user.administrativeUnitCode,
    bridgePointIds,
    active: user.active,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
