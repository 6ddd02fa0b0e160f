import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { linkActor } from '../audit/actor';
import { SignedLink } from '../auth/signed-link.entity';
import { SignedLinksService } from '../auth/signed-links.service';
import { Conference } from '../conferences/conference.entity';
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
  conference: {
    id: string;
    title: string;
    kind: string;
    format: string;
    status: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    venue: string | null;
    onlineUrl: string | null;
    hostOrganization: string | null;
    chairName: string | null;
    chairTitle: string | null;
  };
  bridgePoint: BridgePointResponseDto;
  agenda: { title: string; kind: string; startsAt: string; endsAt: string }[];
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
    const [conference, bridgePoint, items, checks] = await Promise.all([
      this.conferences.findOneByOrFail({ id: link.conferenceId }),
      this.points.get(link.conferenceId, link.bridgePointId!, this.actor(link)),
      this.agenda.find({ where: { conferenceId: link.conferenceId }, order: { startsAt: 'ASC', position: 'ASC' } }),
      this.points.checkHistory(link.conferenceId, link.bridgePointId!, this.actor(link)),
    ]);
    return {
      conference: {
        id: conference.id,
        title: conference.title,
        kind: conference.kind,
        format: conference.format,
        status: conference.status,
        startsAt: conference.startsAt.toISOString(),
        endsAt: conference.endsAt.toISOString(),
        timezone: conference.timezone,
        venue: conference.venue,
        onlineUrl: conference.onlineUrl,
        hostOrganization: conference.hostOrganization,
        chairName: conference.chairName,
        chairTitle: conference.chairTitle,
      },
      bridgePoint,
      agenda: items.map((i) => ({ title: i.title, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString() })),
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
