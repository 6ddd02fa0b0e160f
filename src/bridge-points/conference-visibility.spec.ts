import { NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { UserBridgePoint } from '../auth/user-bridge-point.entity';
import { User } from '../auth/user.entity';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { dataSourceOptions } from '../database/data-source-options';
import { BridgePoint } from './bridge-point.entity';
import { newBridgePoint } from './bridge-point-row';
import { OperatorScope } from './bridge-point-scope';
import { conferenceOrFail } from './conference-visibility';

describe('conferenceOrFail', () => {
  let db: DataSource;
  let shown: Conference;
  let other: Conference;
  let shownPointId: string;

  const aConference = (title: string) => ({
    id: newId(),
    title,
    searchKey: title.toLowerCase(),
    kind: 'review' as const,
    format: 'online' as const,
    startsAt: new Date('2025-07-15T01:00:00Z'),
    endsAt: new Date('2025-07-15T04:30:00Z'),
  });
  const anOperator = (administrativeUnitCode: string | null = null): User =>
    Object.assign(new User(), {
      id: newId(),
      email: `${newId()}@example.vn`,
      passwordHash: 'x',
      fullName: 'Cán bộ điểm cầu',
      role: 'operator',
      administrativeUnitCode,
    });
  const scope = (overrides: Partial<OperatorScope>): OperatorScope => ({ bridgePointIds: [], provinceCode: null, communeCode: null, ...overrides });
  // The same answer for a missing conference and a hidden one, so that `id` leaks nothing.
  const rejectsAsMissing = async (answer: Promise<unknown>) => {
    const error = await answer.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as NotFoundException).getResponse()).toEqual({
      message: 'Không tìm thấy hội nghị.',
      details: [{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }],
    });
  };

  beforeAll(async () => {
    const config = { database: { type: 'sqlite', path: ':memory:' } } as AppConfig;
    db = new DataSource({ ...dataSourceOptions(config), entities: [Conference, BridgePoint, User, UserBridgePoint] } as typeof db.options);
    await db.initialize();
    const [a, b] = [aConference('Hội nghị sơ kết'), aConference('Hội nghị tập huấn')];
    await db.getRepository(Conference).insert([a, b]);
    shown = await db.getRepository(Conference).findOneByOrFail({ id: a.id });
    other = await db.getRepository(Conference).findOneByOrFail({ id: b.id });
    const shownPoint = newBridgePoint({ conferenceId: shown.id, name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' });
    shownPointId = shownPoint.id;
    await db.getRepository(BridgePoint).insert([
      shownPoint,
      newBridgePoint({
        conferenceId: shown.id,
        name: 'Điểm cầu xã Tân Lập',
        level: 'commune',
        administrativeUnitSet: 'vn-34',
        administrativeUnitCode: '07450',
        provinceCode: '24',
      }),
      newBridgePoint({ conferenceId: other.id, name: 'Điểm cầu Trung ương', level: 'central', isMain: true }),
    ]);
  });
  afterAll(() => db.destroy());

  it('answers any conference that exists when no one is restricted, and 404 naming the id for one that does not', async () => {
    await expect(conferenceOrFail(db.manager, other.id)).resolves.toMatchObject({ id: other.id, title: other.title });
    const missing = newId();
    await rejectsAsMissing(conferenceOrFail(db.manager, missing));
    await rejectsAsMissing(conferenceOrFail(db.manager, missing, scope({ bridgePointIds: [shownPointId] })));
  });

  it('answers an operator scope only the conferences with one of its points, and the same 404 as a missing one otherwise', async () => {
    const mine = scope({ bridgePointIds: [shownPointId] });
    await expect(conferenceOrFail(db.manager, shown.id, mine)).resolves.toMatchObject({ id: shown.id });
    await rejectsAsMissing(conferenceOrFail(db.manager, other.id, mine));
    await rejectsAsMissing(conferenceOrFail(db.manager, shown.id, scope({})));
  });

  it('counts a vn-34 commune point under a province or commune scope', async () => {
    await expect(conferenceOrFail(db.manager, shown.id, scope({ provinceCode: '24' }))).resolves.toMatchObject({ id: shown.id });
    await expect(conferenceOrFail(db.manager, shown.id, scope({ communeCode: '07450' }))).resolves.toMatchObject({ id: shown.id });
    await rejectsAsMissing(conferenceOrFail(db.manager, shown.id, scope({ provinceCode: '01' })));
  });

  it('reads the scope of an operator given as a user, and does not restrict other roles', async () => {
    const assigned = anOperator();
    await db.getRepository(User).insert(assigned);
    await db.getRepository(UserBridgePoint).insert({ userId: assigned.id, bridgePointId: shownPointId });
    await expect(conferenceOrFail(db.manager, shown.id, assigned)).resolves.toMatchObject({ id: shown.id });
    await rejectsAsMissing(conferenceOrFail(db.manager, other.id, assigned));
    await expect(conferenceOrFail(db.manager, shown.id, anOperator('24'))).resolves.toMatchObject({ id: shown.id });
    await rejectsAsMissing(conferenceOrFail(db.manager, other.id, anOperator('24')));
    await expect(conferenceOrFail(db.manager, other.id, { ...anOperator(), role: 'viewer' })).resolves.toMatchObject({ id: other.id });
  });

  it('reads through the manager it is given, so a transaction sees its own uncommitted rows', async () => {
    const draft = aConference('Hội nghị chuyên đề');
    const rollback = new Error('rolled back');
    let seen: Conference | undefined;
    const outcome = db.transaction(async (m) => {
      await m.insert(Conference, draft);
      const point = newBridgePoint({ conferenceId: draft.id, name: 'Điểm cầu tỉnh Lạng Sơn', level: 'provincial' });
      await m.insert(BridgePoint, point);
      seen = await conferenceOrFail(m, draft.id, scope({ bridgePointIds: [point.id] }));
      throw rollback;
    });
    await expect(outcome).rejects.toBe(rollback);
    expect(seen).toMatchObject({ id: draft.id });
    await rejectsAsMissing(conferenceOrFail(db.manager, draft.id));
  });

  it('answers the row its own read gives, and 404 when that read finds none', async () => {
    const row = { ...other };
    const read = jest.fn(async () => row);
    await expect(conferenceOrFail(db.manager, other.id, null, read)).resolves.toBe(row);
    expect(read).toHaveBeenCalledWith(other.id);
    await rejectsAsMissing(conferenceOrFail(db.manager, shown.id, null, async () => null));
  });
});
