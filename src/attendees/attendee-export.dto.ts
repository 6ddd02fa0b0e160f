import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AttendeeExportQueryDto {
  @ApiPropertyOptional({ description: 'only the delegates of this bridge point (điểm cầu): its UUID' })
  @IsOptional()
  @IsUUID('all')
  bridgePointId?: string;

  @ApiPropertyOptional({
    enum: ['comma', 'semicolon'],
    default: 'comma',
    description: 'CSV only: semicolon suits Excel set to Vietnamese regional settings, whose list separator is ";"',
  })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  separator?: 'comma' | 'semicolon';
}
