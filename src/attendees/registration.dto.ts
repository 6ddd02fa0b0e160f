import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';
import { PersonDto } from './attendee.dto';

export class SelfRegistrationDto extends OmitType(PersonDto, ['email'] as const) {
  @ApiProperty({ description: 'the bridge point the person will attend at' }) @IsUUID() bridgePointId!: string;

  @ApiProperty({ description: 'required to register oneself: the invitation and updates go there' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class RegistrationConferenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String }) venue!: string | null;
}

export class RegistrationPointDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit at this point' }) placesLeft!: number | null;
}

/** GET /api/public/conferences/:id/registration: whether one may register, and where. */
export class RegistrationInfoResponseDto {
  @ApiProperty({ type: RegistrationConferenceDto }) conference!: RegistrationConferenceDto;
  @ApiProperty() open!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'why registration is closed, in Vietnamese, when it is' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closesAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit for the conference' }) placesLeft!: number | null;
  @ApiProperty({ type: [RegistrationPointDto] }) bridgePoints!: RegistrationPointDto[];
}

export type RegistrationInfo = RegistrationInfoResponseDto;

export class RegistrationResultResponseDto {
  @ApiProperty() attendeeId!: string;
  @ApiProperty({ example: 'K7Q4ZP', description: 'the check-in code' }) code!: string;
  @ApiProperty({ enum: ['registered', 'waitlisted'] }) status!: 'registered' | 'waitlisted';
  @ApiProperty({ nullable: true, type: Number, description: 'place on the waiting list; null when registered' }) waitlistPosition!: number | null;
}

export type RegistrationResult = RegistrationResultResponseDto;
