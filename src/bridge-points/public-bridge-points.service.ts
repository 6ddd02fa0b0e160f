import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { publicAgenda, PublicAgendaItem } from '../agenda/public-agenda';
import { linkActor } from '../audit/actor';
import { SignedLink } from '../auth/signed-link.entity';
import { SignedLinksService } from '../auth/signed-links.service';
import { Conference } from '../conferences/conference.entity';
import { PublicConference, toPublicConference } from '../conferences/public-conference';
import {
  AttendanceDto,
  BridgePointResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  ConnectionCheckResponseDto,
  DeclineBridgePointDto,
} from './bridge-point.dto';
import { BridgePointsService, PointActor } from './bridge-points.service';

export interface PublicBridgePointView {
  conference: PublicConference;
  bridgePoint: BridgePointResponseDto;
  agenda: PublicAgendaItem[];
  /** The point's connection checks, newest first. */
  checks: ConnectionCheckResponseDto[];
  linkExpiresAt: string;
}

/** A signed link acts for exactly its one bridge point, as `link:<id>` in the audit trail. */
@Injectable()
export class PublicBridgePointsService {
  constructor(
    private readonly links: SignedLinksService,
    private readonly points: BridgePointsService,
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    @InjectRepository(AgendaItem) private readonly agenda: Repository<AgendaItem>,
  ) {}

  async view(token: string): Promise<PublicBridgePointView> {
    const link = await this.links.resolve(token, 'bridge_point');
    const [conference, bridgePoint, agenda, checks] = await Promise.all([
      this.conferences.findOneByOrFail({ id: link.conferenceId }),
      this.points.get(link.conferenceId, link.bridgePointId!, this.actor(link)),
      publicAgenda(this.agenda, link.conferenceId),
      this.points.checkHistory(link.conferenceId, link.bridgePointId!, this.actor(link)),
    ]);
    return {
      conference: toPublicConference(conference),
      bridgePoint,
      agenda,
      checks,
      linkExpiresAt: link.expiresAt.toISOString(),
    };
  }

  async confirm(token: string, dto: ConfirmBridgePointDto): Promise<BridgePointResponseDto> {
    const link = await this.links.resolve(token, 'bridge_point');
    return this.points.confirm(link.conferenceId, link.bridgePointId!, dto, this.actor(link));
  }

  async decline(token: string, dto: DeclineBridgePointDto): Promise<BridgePointResponseDto> {
    const link = await this.links.resolve(token, 'bridge_point');
    return this.points.decline(link.conferenceId, link.bridgePointId!, dto, this.actor(link));
  }

  async connectionCheck(token: string, dto: ConnectionCheckDto) {
    const link = await this.links.resolve(token, 'bridge_point');
    return this.points.connectionCheck(link.conferenceId, link.bridgePointId!, dto, this.actor(link));
  }

  async attendance(token: string, dto: AttendanceDto): Promise<BridgePointResponseDto> {
    const link = await this.links.resolve(token, 'bridge_point');
    return this.points.attendance(link.conferenceId, link.bridgePointId!, dto, this.actor(link));
  }

  private actor(link: SignedLink): PointActor {
    return { actor: linkActor(link.id), scope: null, onlyPointId: link.bridgePointId! };
  }
}
