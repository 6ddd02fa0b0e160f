import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';
import { Conference } from '../conferences/conference.entity';
import { PersonDto } from './attendee.dto';
import { Attendee, ATTENDEE_STATUSES, AttendeeStatus } from './attendee.entity';

/** A person registering themselves (tự đăng ký) on the public registration page. */
export class SelfRegistrationDto extends OmitType(PersonDto, ['email'] as const) {
  @ApiProperty({ description: 'UUID of the bridge point (điểm cầu) of this conference the person will attend at' }) @IsUUID() bridgePointId!: string;

  @ApiProperty({
    example: 'lan.nt@bacninh.gov.vn',
    description: 'required to register oneself: the invitation and updates go there; stored in lower case, once per conference',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class RegistrationConferenceDto {
  @ApiProperty({ description: 'UUID of the conference (hội nghị)' }) id!: string;
  @ApiProperty({ description: 'the conference title' }) title!: string;
  @ApiProperty({ format: 'date-time', description: 'when it starts (ISO 8601, UTC)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it ends (ISO 8601, UTC)' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'IANA time zone the conference times are shown in' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the main venue (địa điểm); null when not given' }) venue!: string | null;
}

export class RegistrationPointDto {
  @ApiProperty({ description: 'UUID of the bridge point (điểm cầu); send it as bridgePointId to register there' }) id!: string;
  @ApiProperty({ description: 'its name, e.g. Điểm cầu tỉnh Bắc Ninh' }) name!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'places left at this point; null: no limit at this point' }) placesLeft!: number | null;
}

/** GET /api/public/conferences/:id/registration: whether one may register, and where. */
export class RegistrationInfoResponseDto {
  @ApiProperty({ type: RegistrationConferenceDto, description: 'the conference' }) conference!: RegistrationConferenceDto;
  @ApiProperty({ description: 'true when registration is open now' }) open!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'why registration is closed, in Vietnamese, when it is' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when registration opens (ISO 8601 with offset); null: as soon as the conference is published' })
  opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when registration closes (ISO 8601 with offset); null: while the conference is published or ongoing' })
  closesAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'places left in the whole conference; null: no limit for the conference' }) placesLeft!: number | null;
  @ApiProperty({ type: [RegistrationPointDto], description: 'the bridge points one may register at, in their order' }) bridgePoints!: RegistrationPointDto[];
}

export type RegistrationInfo = RegistrationInfoResponseDto;

/** POST /api/public/conferences/:id/registration: the same answer for every address. */
export class RegistrationPendingResponseDto {
  @ApiProperty({ enum: ['pending_confirmation'], description: 'always pending_confirmation: nothing is registered before the mailed link is opened' })
  status!: 'pending_confirmation';

  @ApiProperty({
    example: 'Vui lòng mở thư vừa được gửi tới địa chỉ email đã khai và bấm vào đường dẫn trong thư để xác nhận đăng ký. Đăng ký chỉ được ghi nhận sau khi xác nhận.',
    description: 'what to do next, in Vietnamese, as the page shows it',
  })
  message!: string;
}

export type RegistrationPending = RegistrationPendingResponseDto;

/** POST /api/public/registration-confirmations/:token: the attendee the confirmation made. */
export class RegistrationResultResponseDto {
  @ApiProperty({ description: 'UUID of the attendee the confirmation created (the same on every later confirmation)' }) attendeeId!: string;
  @ApiProperty({ example: 'K7Q4ZP', description: 'the check-in code' }) code!: string;
  @ApiProperty({
    enum: ATTENDEE_STATUSES,
    description: 'registered, or waitlisted (danh sách chờ) when the places were taken; on a later confirmation, the status the attendee has now',
  })
  status!: AttendeeStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'place on the waiting list; null when not waiting' }) waitlistPosition!: number | null;
  @ApiProperty({ description: 'UUID of the conference (hội nghị)' }) conferenceId!: string;
  @ApiProperty({ description: 'the conference title' }) conferenceTitle!: string;
}

export type RegistrationResult = RegistrationResultResponseDto;

export function resultOf(conference: Pick<Conference, 'id' | 'title'>, attendee: Pick<Attendee, 'id' | 'code' | 'status' | 'waitlistPosition'>): RegistrationResult {
  return {
    attendeeId: attendee.id,
    code: attendee.code,
    status: attendee.status,
    waitlistPosition: attendee.waitlistPosition,
    conferenceId: conference.id,
    conferenceTitle: conference.title,
  };
}
