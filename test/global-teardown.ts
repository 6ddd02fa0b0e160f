import { rmSync } from 'node:fs';
import { adminQuery, loadTemplateInfo, removeTemplateInfo } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  const info = loadTemplateInfo();
  if (info.kind === 'postgres') {
    await adminQuery(info.postgresUrl!, `DROP DATABASE IF EXISTS "${info.postgresTemplate}" WITH (FORCE)`);
  }
  rmSync(info.dir, { recursive: true, force: true });
  removeTemplateInfo();
}
