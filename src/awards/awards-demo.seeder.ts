import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { newId } from '../common/ids';
import { seedsDir } from '../common/project-paths';
import { nfc } from '../common/text';
import { Conference } from '../conferences/conference.entity';
import { AwardDecision } from './award-decision.entity';
import { formOrFail } from './award-decisions.service';
import { AwardRecipient, RecipientKind } from './award-recipient.entity';
import { recipientKey, RecipientFields, recipientProblems } from './award-recipient-rules';
import { parseDecisionNumber } from './decision-number';

interface DemoRecipient {
  kind: RecipientKind;
  name?: string;
  title?: string;
  organization?: string;
  administrativeUnitCode?: string;
  achievement?: string;
  /** "main", or the administrative unit code of a provincial bridge point. */
  bridgePoint?: string;
  presenterName?: string;
}

interface DemoDecision {
  number: string;
  signedAt: string;
  awardFormCode: string;
  issuingAuthority: string;
  signerName: string;
  signerTitle: string;
  recipients: DemoRecipient[];
}

export interface DemoAwardsFile {
  conferenceId: string;
  decisions: DemoDecision[];
}

/**
 * The demo conference's award decisions (`seeds/demo-awards.json`): a Bằng khen of the Prime
 * Minister and one of Ban Dân vận Trung ương, presented at Hà Nội and at the Bắc Giang bridge
 * point during the award ceremony on the agenda. A decision already there (by number) is left
 * alone, so seeding twice changes nothing.
 */
@Injectable()
export class AwardsDemoSeeder {
  read(file = join(seedsDir(), 'demo-awards.json')): DemoAwardsFile {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoAwardsFile;
  }

  async seed(manager: EntityManager, conferenceId: string, demo = this.read()): Promise<void> {
    if (!(await manager.existsBy(Conference, { id: conferenceId }))) return;
    const points = await manager.find(BridgePoint, { select: { id: true, isMain: true, administrativeUnitCode: true }, where: { conferenceId } });
    const ceremony = await manager.findOne(AgendaItem, {
      select: { id: true },
      where: { conferenceId, kind: 'award_ceremony' },
      order: { startsAt: 'ASC', position: 'ASC' },
    });
    const pointOf = (ref: string | undefined) =>
      ref === undefined ? null : (points.find((p) => (ref === 'main' ? p.isMain : p.administrativeUnitCode === ref))?.id ?? null);

    for (const d of demo.decisions) {
      const number = parseDecisionNumber(d.number);
      if (!number) throw new Error(`demo award decision number ${d.number} is not a decision number`);
      if (await manager.existsBy(AwardDecision, { conferenceId, numberKey: number.key })) continue;
      const form = await formOrFail(manager, d.awardFormCode);
      const decision: AwardDecision = manager.create(AwardDecision, {
        id: newId(),
        conferenceId,
        number: number.number,
        numberKey: number.key,
        signedAt: d.signedAt,
        issuingAuthority: nfc(d.issuingAuthority),
        signerName: nfc(d.signerName),
        signerTitle: nfc(d.signerTitle),
        awardFormCode: form.code,
        version: 1,
      });
      await manager.insert(AwardDecision, decision);
      const recipients = d.recipients.map((r, i) => {
        const fields: RecipientFields = {
          kind: r.kind,
          name: r.name ? nfc(r.name) : null,
          title: r.title ? nfc(r.title) : null,
          organization: r.organization ? nfc(r.organization) : null,
          administrativeUnitCode: r.administrativeUnitCode ?? null,
          achievement: r.achievement ? nfc(r.achievement) : null,
          agendaItemId: ceremony?.id ?? null,
          bridgePointId: pointOf(r.bridgePoint),
          presenterName: r.presenterName ? nfc(r.presenterName) : null,
        };
        const problems = recipientProblems(fields, form);
        if (problems.length > 0) throw new Error(`demo award recipient ${i + 1} of ${d.number}: ${problems[0].message}`);
        return manager.create(AwardRecipient, {
          ...fields,
          id: newId(),
          decisionId: decision.id,
          conferenceId,
          position: i + 1,
          searchKey: recipientKey(fields),
          version: 1,
        });
      });
      await manager.insert(AwardRecipient, recipients);
    }
  }
}
