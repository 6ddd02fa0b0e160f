import { ConflictException, NotFoundException } from '@nestjs/common';
import { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

/** Loads one row by id or answers 404 naming what was not found. */
export async function findOrFail<E extends ObjectLiteral & { id: string }>(
  repo: Repository<E>,
  id: string,
  what: string,
): Promise<E> {
  const found = await repo.findOneBy({ id } as FindOptionsWhere<E>);
  if (!found) throw new NotFoundException(`${what} ${id} not found`);
  return found;
}

/** Answers 409 when the client edited a version that has changed since it read it. */
export function assertVersion(entity: { version: number }, expected: number, what: string): void {
  if (entity.version !== expected) {
    throw new ConflictException({
      message: `Dữ liệu đã được người khác thay đổi sau khi bạn đọc (${what}: phiên bản ${expected}, hiện là ${entity.version}). Vui lòng tải lại rồi thử lại.`,
      details: [{ field: 'version', code: 'stale_version', message: `Phiên bản hiện tại là ${entity.version}.` }],
    });
  }
}
