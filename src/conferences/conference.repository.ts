import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Conference } from './conference.entity';

/**
 * Reads one conference by id with one prepared SQL text and the driver's own value conversion:
 * `GET /api/conferences/:id` is the most polled read, and building the query and hydrating the
 * entity through the ORM each time cost a good part of it.
 */
@Injectable()
export class ConferenceRepository {
  private readonly columns: ColumnMetadata[];
  private readonly byIdSql: string;

  constructor(private readonly dataSource: DataSource) {
    const metadata = dataSource.getMetadata(Conference);
    this.columns = metadata.columns;
    const escape = (name: string) => dataSource.driver.escape(name);
    this.byIdSql = `SELECT ${this.columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${escape(metadata.tableName)} WHERE ${escape('id')} = $1`;
  }

  async findById(id: string): Promise<Conference | null> {
    const [row]: Record<string, unknown>[] = await this.dataSource.query(this.byIdSql, [id]);
    if (!row) return null;
    const conference = new Conference();
    const target = conference as unknown as Record<string, unknown>;
    for (const column of this.columns) {
      target[column.propertyName] = this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return conference;
  }
}
