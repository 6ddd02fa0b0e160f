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
import { IsOmittable } from '../common/validators';
import { nfc } from '../common/text';
import { Role, ROLES } from './role';
import { User } from './user.entity';

const trimmedNfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? nfc(value) : value);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'admin@hoinghi.local' })
  @Transform(lowerEmail)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'tochuc@bdvtw.vn' })
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(trimmedNfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'an operator scoped to a province or commune (vn-34 code)', example: '24' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, { message: 'administrativeUnitCode must be a 2-digit province or 5-digit commune code' })
  administrativeUnitCode?: string;

  @ApiPropertyOptional({ type: [String], description: "an operator's bridge points" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'each of bridgePointIds must be a UUID' })
  bridgePointIds?: string[];
}

export class UpdateUserDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimmedNfc)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, { message: 'administrativeUnitCode must be a 2-digit province or 5-digit commune code' })
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], description: "replaces the operator's bridge points" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'each of bridgePointIds must be a UUID' })
  bridgePointIds?: string[];
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) administrativeUnitCode!: string | null;
  @ApiProperty({ type: [String], description: "an operator's bridge points" }) bridgePointIds!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
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
