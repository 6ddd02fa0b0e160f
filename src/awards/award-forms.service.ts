import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { readCsvFile } from '../common/csv';
import { conflict } from '../common/errors';
import { seedsDir } from '../common/project-paths';
import { nfc } from '../common/text';
import { TransactionRunner } from '../database/transaction-runner';
import { AwardFormResponseDto, CreateAwardFormDto, toAwardFormResponse } from './award-form.dto';
import { AwardForm } from './award-form.entity';

@Injectable()
export class AwardFormsService {
  constructor(
    @InjectRepository(AwardForm) private readonly forms: Repository<AwardForm>,
    private readonly tx: TransactionRunner,
  ) {}

  /** Adds a form an organizer needs (custom); its code must be new (409 otherwise). */
  async create(dto: CreateAwardFormDto): Promise<AwardFormResponseDto> {
    return this.tx.transaction(async (m) => {
      if (await m.existsBy(AwardForm, { code: dto.code })) {
        throw conflict('code', 'award_form_exists', `Hình thức khen thưởng mã ${dto.code} đã có trong danh mục.`);
      }
      const form = m.create(AwardForm, {
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        level: dto.level,
        issuingAuthority: dto.issuingAuthority,
        decisionSuffix: dto.decisionSuffix,
        recipientKinds: [...dto.recipientKinds].sort((a, b) => (a === 'individual' ? -1 : b === 'individual' ? 1 : 0)).join(';'),
        rank: dto.rank ?? 100,
        custom: true,
      });
      await m.insert(AwardForm, form);
      return toAwardFormResponse(await m.findOneByOrFail(AwardForm, { code: dto.code }));
    });
  }

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
