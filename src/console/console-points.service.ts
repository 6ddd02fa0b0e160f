import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { BridgePointListQueryDto } from '../bridge-points/bridge-point.dto';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { ConferenceListQueryDto } from '../conferences/conference.dto';
import { ConferencesService } from '../conferences/conferences.service';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { operatorPointsPage } from './operator-points-page';

/** How many conferences, and points in each, the operator's page lists. */
const CONFERENCES_SHOWN = 20;
const POINTS_SHOWN = 50;

/** The operator's page: the conferences they see (the API's scope) and their points in each. */
@Injectable()
export class ConsolePointsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly points: BridgePointsService,
  ) {}

  async show(caller: ConsoleCaller): Promise<ConsoleResult> {
    if (caller.user.role !== 'operator') return { redirect: '/console' };
    const page = await this.conferences.list(plainToInstance(ConferenceListQueryDto, { page: 1, pageSize: CONFERENCES_SHOWN }), caller.user);
    const query = plainToInstance(BridgePointListQueryDto, { page: 1, pageSize: POINTS_SHOWN });
    // One list per conference shown (at most CONFERENCES_SHOWN), each scoped by the bridge-points service itself.
    const lists = await Promise.all(page.items.map((c) => this.points.list(c.id, query, caller.user)));
    const shown = page.items.map((conference, i) => ({ conference, points: lists[i].items, total: lists[i].total }));
    return { status: 200, html: operatorPointsPage(shown, page.total - page.items.length, caller) };
  }
}
