import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AttendeeExportQueryDto {
  @ApiPropertyOptional({ description: 'only the delegates of this bridge point' })
  @IsOptional()
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string;

  @ApiPropertyOptional({
    enum: ['comma', 'semicolon'],
    default: 'comma',
    description: 'CSV only: semicolon suits Excel set to Vietnamese regional settings, whose list separator is ";"',
  })
  @IsOptional()
  @IsIn(['comma', 'semicolon'], { message: 'separator must be comma or semicolon' })
  separator?: 'comma' | 'semicolon';
}
