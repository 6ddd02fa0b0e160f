import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service';
import { badField, conflict, notFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, pageOf, skipOf } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OperatorPoints } from './operator-points';
import { PasswordHasher } from './password-hasher';
import { UserCache } from './user-cache';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserListQueryDto, UserResponseDto } from './user.dto';
import { UserBridgePoint } from './user-bridge-point.entity';
import { User } from './user.entity';

const userNotFound = (id: string) => notFound('id', 'user_not_found', `Không tìm thấy tài khoản ${id}.`);

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly units: AdministrativeUnitsService,
    private readonly cache: UserCache,
    private readonly points: OperatorPoints,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<UserResponseDto>> {
    const found = await this.users.findAndCount({
      where: query.role ? { role: query.role } : {},
      order: { email: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    const assigned = await this.assignments(this.users.manager, found[0].map((u) => u.id));
    return pageOf(query, found, (u) => toUserResponse(u, assigned.get(u.id)));
  }

  async get(id: string): Promise<UserResponseDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw userNotFound(id);
    return toUserResponse(user, (await this.assignments(this.users.manager, [id])).get(id));
  }

  async create(dto: CreateUserDto): Promise<UserResponseDto> {
    await this.assertUnitExists(dto.administrativeUnitCode);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.tx.transaction(async (manager) => {
      await this.assertEmailFree(manager, dto.email);
      const created = manager.create(User, {
        id: newId(),
        email: dto.email,
        passwordHash,
        fullName: dto.fullName,
        role: dto.role,
        administrativeUnitCode: dto.administrativeUnitCode ?? null,
        active: true,
      });
      await manager.insert(User, created);
      await this.assign(manager, created.id, dto.bridgePointIds);
      return manager.findOneByOrFail(User, { id: created.id });
    });
    return this.get(user.id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    await this.assertUnitExists(dto.administrativeUnitCode ?? undefined);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    const user = await this.tx.transaction(async (manager) => {
      const current = await manager.findOneBy(User, { id });
      if (!current) throw userNotFound(id);
      assertVersion(current, dto.version);
      const changes: QueryDeepPartialEntity<User> = {
        ...(dto.fullName !== undefined && { fullName: dto.fullName }),
        ...(dto.role !== undefined && { role: dto.role }),
        ...(dto.administrativeUnitCode !== undefined && { administrativeUnitCode: dto.administrativeUnitCode }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(passwordHash && { passwordHash }),
        // A new password or a deactivation ends the sessions opened before it.
        ...((passwordHash || dto.active === false) && { tokenVersion: () => 'token_version + 1' }),
      };
      // The version in the WHERE clause makes the check and the write one atomic step.
      const result = await manager.update(User, { id, version: dto.version }, changes);
      if (result.affected !== 1) assertVersion(await manager.findOneByOrFail(User, { id }), dto.version);
      if (dto.bridgePointIds !== undefined) {
        await manager.delete(UserBridgePoint, { userId: id });
        await this.assign(manager, id, dto.bridgePointIds);
      }
      return manager.findOneByOrFail(User, { id });
    });
    this.cache.invalidate(id);
    return this.get(user.id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  /** Creates the first admin when no user has that email; answers whether it did. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const passwordHash = await this.hasher.hash(password);
    return this.tx.transaction(async (manager) => {
      if (await manager.existsBy(User, { email })) return false;
      await manager.insert(User, {
        id: newId(),
        email,
        passwordHash,
        fullName: 'Quản trị hệ thống',
        role: 'admin',
        administrativeUnitCode: null,
        active: true,
      });
      return true;
    });
  }

  private async assign(manager: EntityManager, userId: string, bridgePointIds: string[] | undefined): Promise<void> {
    const ids = [...new Set(bridgePointIds ?? [])];
    if (ids.length === 0) return;
    const found = await this.points.existing(manager, ids);
    if (found.length !== ids.length) {
      const known = new Set(found);
      const missing = ids.filter((id) => !known.has(id));
      throw badField('bridgePointIds', 'bridge_point_not_found', `Không tìm thấy điểm cầu: ${missing.join(', ')}.`);
    }
    await manager.insert(UserBridgePoint, ids.map((bridgePointId) => ({ userId, bridgePointId })));
  }

  /** Bridge points assigned to each of these users, in one query. */
  private async assignments(manager: EntityManager, userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (userIds.length === 0) return map;
    for (const row of await manager.find(UserBridgePoint, { where: { userId: In(userIds) } })) {
      map.set(row.userId, [...(map.get(row.userId) ?? []), row.bridgePointId]);
    }
    return map;
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(User, { email })) {
      throw conflict('email', 'email_taken', `Email ${email} đã được dùng cho một tài khoản khác.`);
    }
  }

  private async assertUnitExists(code: string | undefined): Promise<void> {
    if (code === undefined) return;
    if (!(await this.units.exists('vn-34', code))) {
      throw badField(
        'administrativeUnitCode',
        'administrative_unit_not_found',
        `Mã ${code} không phải là mã tỉnh hoặc xã trong danh mục đơn vị hành chính hiện hành (vn-34).`,
      );
    }
  }
}
