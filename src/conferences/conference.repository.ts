import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityRows } from '../common/entity-rows';
import { TransactionRunner } from '../database/transaction-runner';
import { Conference } from './conference.entity';

/**
 * Reads one conference by id with a prepared statement and the driver's own value conversion:
 * `GET /api/conferences/:id` is the most polled read, and building the query and hydrating the
 * entity through the ORM each time cost a good part of it.
 */
@Injectable()
export class ConferenceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  async findById(id: string): Promise<Conference | null> {
    const table = entityRows(this.dataSource.manager, Conference);
    const { rows } = await this.tx.sql(this.dataSource.manager, `SELECT ${table.columns} FROM ${table.table} WHERE id = $1`, [id]);
    return rows.length > 0 ? table.hydrate(rows[0]) : null;
  }
}
