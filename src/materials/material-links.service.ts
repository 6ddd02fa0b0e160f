import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { In, Repository } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { SignedLink } from '../auth/signed-link.entity';
import { SignedLinksService } from '../auth/signed-links.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction-runner';
import { MaterialStorage } from '../storage/material-storage';
import { answerFile } from './material-file-answer';
import { AUDIENCES_OF, PublicMaterialDto, PublicMaterialListDto, toMaterialResponse } from './material.dto';
import { Material, MaterialDownload } from './material.entity';
import { materialNotFound } from './materials.service';
import { unknownLink } from '../auth/link-errors';

/** The two kinds of link materials go out through. */
export type MaterialLinkKind = 'bridge_point' | 'attendee';

const API_PREFIX: Record<MaterialLinkKind, string> = { bridge_point: '/api/public/bridge-points', attendee: '/api/public/rsvp' };

/**
 * Materials through a signed link, with no account: a bridge point's link sees what is for the
 * points, a delegate's RSVP link what is for the delegates (`all`: both). Every download through a
 * link is recorded with the point or the person, whether it came through the API or a page.
 */
@Injectable()
export class MaterialLinksService {
  constructor(
    @InjectRepository(Material) private readonly materials: Repository<Material>,
    private readonly links: SignedLinksService,
    private readonly storage: MaterialStorage,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(kind: MaterialLinkKind, token: string): Promise<PublicMaterialListDto> {
    const link = await this.linkOf(kind, token);
    const rows = await this.materials.find({
      where: { conferenceId: link.conferenceId, audience: In([...AUDIENCES_OF[kind]]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map((m): PublicMaterialDto => ({ ...toMaterialResponse(m), downloadPath: `${API_PREFIX[kind]}/${token}/materials/${m.id}/file` })) };
  }

  async download(kind: MaterialLinkKind, token: string, materialId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const link = await this.linkOf(kind, token);
    const material = await this.materials.findOneBy({ id: materialId, conferenceId: link.conferenceId, audience: In([...AUDIENCES_OF[kind]]) });
    if (!material) throw materialNotFound();
    await answerFile(request, reply, this.storage, material, () =>
      this.tx.transaction(async (m) => {
        await m.insert(MaterialDownload, {
          id: newId(),
          conferenceId: link.conferenceId,
          materialId: material.id,
          bridgePointId: link.bridgePointId,
          attendeeId: link.attendeeId,
          linkId: link.id,
          at: this.clock.now(),
        });
      }),
    );
  }

  private async linkOf(kind: MaterialLinkKind, token: string): Promise<SignedLink> {
    const link = await this.links.resolve(token, kind);
    // A link outlives the attendee it was made for when they are removed from the list.
    if (kind === 'attendee' && !(await this.materials.manager.existsBy(Attendee, { id: link.attendeeId! }))) {
      throw unknownLink();
    }
    return link;
  }
}
