import { HttpException } from '@nestjs/common';
import { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { refusal } from './errors';

/** Loads one row by id or throws `missing` (the module's own 404). */
export async function findOrFail<E extends ObjectLiteral & { id: string }>(
  repo: Repository<E>,
  id: string,
  missing: () => HttpException,
): Promise<E> {
  const found = await repo.findOneBy({ id } as FindOptionsWhere<E>);
  if (!found) throw missing();
  return found;
}

/** Answers 409 when the client edited a version that has changed since it read it. */
export function assertVersion(entity: { version: number }, expected: number): void {
  if (entity.version !== expected) {
    throw refusal(
      409,
      [{ field: 'version', code: 'stale_version', message: `Phiên bản hiện tại là ${entity.version}.` }],
      `Dữ liệu đã được người khác thay đổi sau khi bạn đọc (phiên bản ${expected}, hiện là ${entity.version}). Vui lòng tải lại rồi thử lại.`,
    );
  }
}
