import { Foundation1732300000000 } from './migrations/1732300000000-foundation';

/** Every migration, in order. Hand-written, portable between SQLite and PostgreSQL. */
export const migrations = [Foundation1732300000000];
