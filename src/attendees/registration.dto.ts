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

export interface RegistrationInfo {
  conference: { id: string; title: string; startsAt: string; endsAt: string; timezone: string; venue: string | null };
  open: boolean;
  /** Why registration is closed, in Vietnamese, when it is. */
  reason: string | null;
  opensAt: string | null;
  closesAt: string | null;
  placesLeft: number | null;
  bridgePoints: { id: string; name: string; placesLeft: number | null }[];
}

export interface RegistrationResult {
  attendeeId: string;
  code: string;
  status: 'registered' | 'waitlisted';
  waitlistPosition: number | null;
}
