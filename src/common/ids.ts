import { randomUUID } from 'node:crypto';

/** Row ids are UUIDs made by the app, so inserts need no round trip and work the same on every database. */
export const newId = (): string => randomUUID();
