import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A kind of record another module keeps against an agenda item, and how to describe a number of them. */
export interface ItemRecordKind {
  /** What the audit entry of a forced removal calls them (e.g. sessionAttendances). */
  name: string;
  /** The refusal's code when such records stop a removal (e.g. session_has_attendance). */
  code: string;
  /** How many records of this kind the item has, read in the removing transaction. */
  count(m: EntityManager, itemId: string): Promise<number>;
  /** A Vietnamese sentence saying what would be lost with `count` of them. */
  describe(count: number): string;
}

/** The records an item holds: the kinds that have any, with their counts. */
export interface ItemRecords {
  name: string;
  code: string;
  count: number;
  message: string;
}

/**
 * Modules built on the agenda (training's session attendance, …) tell it here which of their
 * records hang on an item, so that removing the item does not lose them silently: agenda asks
 * before it deletes, without knowing their tables (the dependency runs one way).
 */
@Injectable()
export class AgendaItemRecords {
  private readonly kinds: ItemRecordKind[] = [];

  register(kind: ItemRecordKind): void {
    if (this.kinds.some((k) => k.name === kind.name)) throw new Error(`agenda item records "${kind.name}" are registered twice`);
    this.kinds.push(kind);
  }

  /** The kinds of records the item has (none: an empty list). */
  async of(m: EntityManager, itemId: string): Promise<ItemRecords[]> {
    const found: ItemRecords[] = [];
    for (const kind of this.kinds) {
      const count = await kind.count(m, itemId);
      if (count > 0) found.push({ name: kind.name, code: kind.code, count, message: kind.describe(count) });
    }
    return found;
  }
}
