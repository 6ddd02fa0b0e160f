import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { readCsvFile } from '../common/csv';
import { seedsDir } from '../common/project-paths';
import { nfc } from '../common/text';
import { AwardFormResponseDto, toAwardFormResponse } from './award-form.dto';
import { AwardForm } from './award-form.entity';

@Injectable()
export class AwardFormsService {
  constructor(@InjectRepository(AwardForm) private readonly forms: Repository<AwardForm>) {}

  async list(): Promise<AwardFormResponseDto[]> {
    const forms = await this.forms.find({ order: { rank: 'ASC', code: 'ASC' } });
    return forms.map(toAwardFormResponse);
  }

  /** Upserts the catalogue in `seeds/award-forms.csv` by code; forms organizers added are left alone. */
  async seed(manager: EntityManager, file = join(seedsDir(), 'award-forms.csv')): Promise<number> {
    const rows = readCsvFile(file).map((row) => ({
      code: row.code,
      name: nfc(row.name),
      kind: row.kind as AwardForm['kind'],
      level: row.level as AwardForm['level'],
      issuingAuthority: nfc(row.issuing_authority),
      decisionSuffix: row.decision_suffix,
      recipientKinds: row.recipient_kinds,
      rank: Number(row.rank),
      custom: false,
    }));
    await manager.upsert(AwardForm, rows, ['code']);
    return rows.length;
  }
}
