import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service';
import { assertVersion, findOrFail } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, pageOf, skipOf } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { PasswordHasher } from './password-hasher';
import { UserCache } from './user-cache';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserListQueryDto, UserResponseDto } from './user.dto';
import { UserBridgePoint } from './user-bridge-point.entity';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly units: AdministrativeUnitsService,
    private readonly cache: UserCache,
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
    const user = await findOrFail(this.users, id, 'user');
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
      if (!current) throw new NotFoundException(`user ${id} not found`);
      assertVersion(current, dto.version, `user ${id}`);
      const changes: Partial<User> = {
        ...(dto.fullName !== undefined && { fullName: dto.fullName }),
        ...(dto.role !== undefined && { role: dto.role }),
        ...(dto.administrativeUnitCode !== undefined && { administrativeUnitCode: dto.administrativeUnitCode }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(passwordHash && { passwordHash }),
      };
      // The version in the WHERE clause makes the check and the write one atomic step.
      const result = await manager.update(User, { id, version: dto.version }, changes);
      if (result.affected !== 1) assertVersion(await manager.findOneByOrFail(User, { id }), dto.version, `user ${id}`);
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
    const found = await manager.count(BridgePoint, { where: { id: In(ids) } });
    if (found !== ids.length) {
      const message = 'bridgePointIds names a bridge point that does not exist';
      throw new BadRequestException({ message, details: [{ field: 'bridgePointIds', message }] });
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
      throw new ConflictException({
        message: `email ${email} is already used by another user`,
        details: [{ field: 'email', message: 'already used' }],
      });
    }
  }

  private async assertUnitExists(code: string | undefined): Promise<void> {
    if (code === undefined) return;
    if (!(await this.units.exists('vn-34', code))) {
      const message = `administrativeUnitCode ${code} is not a vn-34 province or commune`;
      throw new BadRequestException({ message, details: [{ field: 'administrativeUnitCode', message }] });
    }
  }
}
