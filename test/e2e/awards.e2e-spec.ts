import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { AwardDecision } from '../../src/awards/award-decision.entity';
import { AwardDecisionsService } from '../../src/awards/award-decisions.service';
import { AwardForm } from '../../src/awards/award-form.entity';
import { AwardRecipient } from '../../src/awards/award-recipient.entity';
import { AwardsDemoSeeder } from '../../src/awards/awards-demo.seeder';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { DemoSeeder } from '../../src/seeding/demo-seeder';
import { aConference, aMainPoint, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

describe('award decisions (quyết định khen thưởng) and recipients', () => {
  let t: TestApp;
  let db: DataSource;

  interface Setup {
    id: string;
    main: BridgePoint;
    byCode: (code: string) => BridgePoint;
    ceremonyId: string;
  }

  /** A conference with the main point, the 34 provinces of vn-34 and an award ceremony on its agenda. */
  const newConference = async (): Promise<Setup> => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const ceremony = await t.http
      .post(`/api/conferences/${id}/agenda-items`)
      .auth(t.adminToken, bearer)
      .send({
        startsAt: '2025-07-15T11:00:00+07:00',
        endsAt: '2025-07-15T11:20:00+07:00',
        kind: 'award_ceremony',
        title: 'Trao Bằng khen của Thủ tướng Chính phủ',
      })
      .expect(201);
    const points = await db.getRepository(BridgePoint).findBy({ conferenceId: id });
    return {
      id,
      main: points.find((p) => p.isMain)!,
      byCode: (code) => points.find((p) => p.administrativeUnitCode === code)!,
      ceremonyId: ceremony.body.id as string,
    };
  };

  const post = (path: string, body: unknown, token = t.adminToken) => t.http.post(path).auth(token, bearer).send(body as object);
  const patch = (path: string, body: unknown, token = t.adminToken) => t.http.patch(path).auth(token, bearer).send(body as object);
  const decisionsPath = (id: string) => `/api/conferences/${id}/award-decisions`;

  /** Everything an award write could touch, to show that a refused one touched nothing. */
  const snapshot = async (conferenceId: string) => ({
    decisions: await db.getRepository(AwardDecision).find({ where: { conferenceId }, order: { id: 'ASC' } }),
    recipients: await db.getRepository(AwardRecipient).find({ where: { conferenceId }, order: { id: 'ASC' } }),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId } }),
    forms: await db.getRepository(AwardForm).count(),
  });

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('award forms', () => {
    it('lets an organizer add a custom form, and answers 409 for a code already in the catalogue', async () => {
      const organizer = await t.userWithRole('organizer');
      const form = {
        code: 'bang-khen-ban-thuong-vu-tinh-uy',
        name: 'Bằng khen của Ban Thường vụ Tỉnh ủy'.normalize('NFD'),
        kind: 'certificate',
        level: 'province',
        issuingAuthority: 'Ban Thường vụ Tỉnh ủy',
        decisionSuffix: 'TU',
        recipientKinds: ['collective', 'individual'],
      };
      const res = await post('/api/award-forms', form, organizer).expect(201);
      expect(res.body).toEqual({
        ...form,
        name: 'Bằng khen của Ban Thường vụ Tỉnh ủy',
        recipientKinds: ['individual', 'collective'],
        rank: 100,
        custom: true,
      });
      const list = await t.http.get('/api/award-forms').auth(organizer, bearer).expect(200);
      expect(list.body.map((f: { code: string }) => f.code)).toContain(form.code);

      const count = await db.getRepository(AwardForm).count();
      const dup = await post('/api/award-forms', { ...form, name: 'Khác' }, organizer).expect(409);
      expect(dup.body.details).toEqual([
        { field: 'code', code: 'award_form_exists', message: `Hình thức khen thưởng mã ${form.code} đã có trong danh mục.` },
      ]);
      await post('/api/award-forms', { ...form, code: 'bang-khen-thu-tuong-chinh-phu' }, organizer).expect(409);
      expect(await db.getRepository(AwardForm).count()).toBe(count);
    });

    it.each([
      ['code', { code: 'Bằng khen' }],
      ['kind', { kind: 'medal' }],
      ['recipientKinds', { recipientKinds: [] }],
      ['recipientKinds', { recipientKinds: ['team'] }],
      ['decisionSuffix', { decisionSuffix: 'ub nd' }],
      ['name', { name: '   ' }],
    ])('refuses a form with a bad %s and adds nothing', async (field, change) => {
      const count = await db.getRepository(AwardForm).count();
      const res = await post('/api/award-forms', {
        code: 'giay-khen-moi',
        name: 'Giấy khen mới',
        kind: 'certificate',
        level: 'unit',
        issuingAuthority: 'Thủ trưởng đơn vị',
        decisionSuffix: 'QĐ',
        recipientKinds: ['individual'],
        ...change,
      }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await db.getRepository(AwardForm).count()).toBe(count);
    });

    it('does not let a viewer or an operator add a form', async () => {
      const body = { code: 'x-y', name: 'X', kind: 'certificate', level: 'unit', issuingAuthority: 'X', decisionSuffix: 'QĐ', recipientKinds: ['individual'] };
      await post('/api/award-forms', body, await t.userWithRole('viewer')).expect(403);
      await post('/api/award-forms', body, await t.userWithRole('operator')).expect(403);
    });
  });

  describe('decisions and recipients', () => {
    let c: Setup;
    beforeAll(async () => {
      c = await newConference();
    });

    it('records a decision with its recipients, normalizing the number and storing NFC', async () => {
      const res = await post(decisionsPath(c.id), {
        ...anAwardDecision({ number: ' 123 / QD-TTg ', signerName: 'Nguyễn Văn Phúc'.normalize('NFD') }),
        recipients: [
          anAwardRecipient({ position: 2, bridgePointId: c.byCode('24').id, agendaItemId: c.ceremonyId, administrativeUnitCode: '24', presenterName: 'Lê Văn Thành' }),
          anAwardRecipient({ kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Bắc Ninh', title: null, organization: null, position: 1, bridgePointId: c.main.id }),
        ],
      }).expect(201);
      expect(res.body).toMatchObject({
        conferenceId: c.id,
        number: '123/QĐ-TTg',
        signedAt: '2025-07-08',
        issuingAuthority: 'Thủ tướng Chính phủ',
        signerName: 'Nguyễn Văn Phúc',
        signerTitle: 'Phó Thủ tướng Chính phủ',
        awardFormCode: 'bang-khen-thu-tuong-chinh-phu',
        awardFormName: 'Bằng khen của Thủ tướng Chính phủ',
        version: 1,
      });
      expect(res.body.recipients).toEqual([
        expect.objectContaining({ kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Bắc Ninh', position: 1, bridgePointId: c.main.id, bridgePointName: 'Điểm cầu Trung ương' }),
        expect.objectContaining({
          kind: 'individual',
          name: 'Nguyễn Thị Hồng Nhung',
          organization: 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang',
          administrativeUnitCode: '24',
          position: 2,
          agendaItemId: c.ceremonyId,
          bridgePointId: c.byCode('24').id,
          bridgePointName: 'Điểm cầu tỉnh Bắc Ninh',
          presenterName: 'Lê Văn Thành',
          version: 1,
        }),
      ]);
      const stored = await db.getRepository(AwardDecision).findOneByOrFail({ id: res.body.id });
      expect(stored.signerName).toBe('Nguyễn Văn Phúc'.normalize('NFC'));
      const audit = await db.getRepository(AuditEntry).find({ where: { conferenceId: c.id, entityId: res.body.id } });
      expect(audit).toEqual([expect.objectContaining({ entityType: 'award_decision', action: 'create' })]);
      expect(await db.getRepository(AuditEntry).count({ where: { conferenceId: c.id, entityType: 'award_recipient' } })).toBe(2);
    });

    it('lists decisions by the authority’s rank, then signing date and number, recipients in presentation order, and reads one', async () => {
      await post(decisionsPath(c.id), anAwardDecision({ number: '45/QĐ-TTg', signedAt: '2025-07-08' })).expect(201);
      const earlier = await post(decisionsPath(c.id), anAwardDecision({ number: '999/QĐ-BDVTW', signedAt: '2025-07-01', awardFormCode: 'bang-khen-ban-trung-uong', issuingAuthority: undefined })).expect(201);
      expect(earlier.body.issuingAuthority).toBe('Trưởng ban của Ban Trung ương Đảng');
      const list = await t.http.get(decisionsPath(c.id)).auth(t.adminToken, bearer).expect(200);
      expect(list.body).toMatchObject({ total: 3, page: 1, pageSize: 100 });
      // The Prime Minister's decisions before the Ban's, though the Ban's was signed first.
      expect(list.body.items.map((d: { number: string }) => d.number)).toEqual(['45/QĐ-TTg', '123/QĐ-TTg', '999/QĐ-BDVTW']);
      const paged = await t.http.get(`${decisionsPath(c.id)}?page=2&pageSize=2`).auth(t.adminToken, bearer).expect(200);
      expect(paged.body.items.map((d: { number: string }) => d.number)).toEqual(['999/QĐ-BDVTW']);
      const one = await t.http.get(`${decisionsPath(c.id)}/${earlier.body.id}`).auth(t.adminToken, bearer).expect(200);
      expect(one.body).toEqual(earlier.body);

      const forMinutes = await t.app.get(AwardDecisionsService).listForConference(c.id);
      expect(forMinutes.map((d) => d.number)).toEqual(['45/QĐ-TTg', '123/QĐ-TTg', '999/QĐ-BDVTW']);
      expect(forMinutes[1].recipients.map((r) => r.position)).toEqual([1, 2]);
      expect(forMinutes[1].awardFormName).toBe('Bằng khen của Thủ tướng Chính phủ');
      // The decision took the form's generic default authority, so the heading is the form's own name.
      expect(forMinutes[2]).toMatchObject({
        awardFormName: 'Bằng khen của Ban Trung ương Đảng',
        awardTitle: 'Bằng khen của Ban Trung ương Đảng',
      });
    });

    it('adds one recipient or a list after the last one, and changes and removes them with their version', async () => {
      const d = (await post(decisionsPath(c.id), anAwardDecision({ number: '200/QĐ-TTg' })).expect(201)).body;
      const one = await post(`${decisionsPath(c.id)}/${d.id}/recipients`, anAwardRecipient({ name: 'Trần Văn Bảo' })).expect(201);
      expect(one.body).toMatchObject({ name: 'Trần Văn Bảo', position: 1, version: 1, decisionId: d.id });
      const many = await post(`${decisionsPath(c.id)}/${d.id}/recipients`, {
        items: [anAwardRecipient({ name: 'Lê Thị Cúc' }), anAwardRecipient({ kind: 'collective', name: null, organization: 'Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn' })],
      }).expect(201);
      expect(many.body.items.map((r: { position: number }) => r.position)).toEqual([2, 3]);

      const path = `${decisionsPath(c.id)}/${d.id}/recipients/${one.body.id}`;
      const changed = await patch(path, { version: 1, position: 9, title: null, bridgePointId: c.byCode('20').id }).expect(200);
      expect(changed.body).toMatchObject({ position: 9, title: null, version: 2, bridgePointName: 'Điểm cầu tỉnh Lạng Sơn' });
      const before = await snapshot(c.id);
      const stale = await patch(path, { version: 1, name: 'Khác' }).expect(409);
      expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
      expect(await snapshot(c.id)).toEqual(before);

      await t.http.delete(path).auth(t.adminToken, bearer).expect(204);
      const after = await t.http.get(`${decisionsPath(c.id)}/${d.id}`).auth(t.adminToken, bearer).expect(200);
      expect(after.body.recipients.map((r: { name: string | null; organization: string }) => r.name ?? r.organization)).toEqual([
        'Lê Thị Cúc',
        'Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn',
      ]);
      await t.http.delete(path).auth(t.adminToken, bearer).expect(404);
    });

    it('changes a decision with its version, answers 409 when stale, and deletes it with its recipients', async () => {
      const d = (await post(decisionsPath(c.id), { ...anAwardDecision({ number: '300/QĐ-TTg' }), recipients: [anAwardRecipient()] }).expect(201)).body;
      const path = `${decisionsPath(c.id)}/${d.id}`;
      const changed = await patch(path, { version: 1, number: '301/qd-ttg', signedAt: '2025-07-09', signerName: null }).expect(200);
      expect(changed.body).toMatchObject({ number: '301/QĐ-TTg', signedAt: '2025-07-09', signerName: null, version: 2 });
      const before = await snapshot(c.id);
      await patch(path, { version: 1, signerTitle: 'Thủ tướng' }).expect(409);
      expect(await snapshot(c.id)).toEqual(before);
      const audit = await db.getRepository(AuditEntry).findOneByOrFail({ entityId: d.id, action: 'update' });
      expect(audit.after).toMatchObject({ number: '301/QĐ-TTg' });

      await t.http.delete(path).auth(t.adminToken, bearer).expect(204);
      await t.http.get(path).auth(t.adminToken, bearer).expect(404);
      expect(await db.getRepository(AwardRecipient).countBy({ decisionId: d.id })).toBe(0);
    });
  });

  describe('bad input changes nothing', () => {
    let c: Setup;
    let other: Setup;
    let decisionId: string;
    let recipientId: string;
    let collectiveOnly: string;
    beforeAll(async () => {
      c = await newConference();
      other = await newConference();
      const d = (await post(decisionsPath(c.id), { ...anAwardDecision(), recipients: [anAwardRecipient()] }).expect(201)).body;
      decisionId = d.id;
      recipientId = d.recipients[0].id;
      collectiveOnly = (await post(decisionsPath(c.id), anAwardDecision({ number: '7/QĐ-TTg', awardFormCode: 'co-thi-dua-chinh-phu' })).expect(201)).body.id;
    });

    const refused = async (
      send: () => Promise<{ status: number; body: { details: { field: string; code: string }[] } }>,
      status: number,
      field: string,
      code?: string,
    ) => {
      const before = await snapshot(c.id);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.details.map((d) => d.field)).toContain(field);
      if (code) expect(res.body.details).toContainEqual(expect.objectContaining({ field, code }));
      expect(await snapshot(c.id)).toEqual(before);
    };

    it.each(['123', '123/TTg', 'QĐ-TTg', '123/QĐ', '123/QĐ-', '12a/QĐ-TTg', '123/QĐ-Thủ tướng', '123/NQ-CP', '0/QĐ-TTg', '123//QĐ-TTg'])(
      'refuses the malformed decision number %p',
      async (number) => {
        await refused(() => post(decisionsPath(c.id), anAwardDecision({ number })), 400, 'number', 'not_a_decision_number');
      },
    );

    it('refuses a malformed number in a change too', async () => {
      await refused(() => patch(`${decisionsPath(c.id)}/${decisionId}`, { version: 1, number: '123-QĐ-TTg' }), 400, 'number');
    });

    it.each(['123/QĐ-TTg', '123/qd-ttg', '0123/QĐ-TTg'])('answers 409 for the number %p already recorded', async (number) => {
      await refused(() => post(decisionsPath(c.id), anAwardDecision({ number })), 409, 'number', 'decision_number_taken');
    });

    it('answers 409 when a change takes the number of another decision', async () => {
      const res = await patch(`${decisionsPath(c.id)}/${collectiveOnly}`, { version: 1, number: '123/QD-TTg' }).expect(409);
      expect(res.body.details).toEqual([
        { field: 'number', code: 'decision_number_taken', message: 'Quyết định số 123/QĐ-TTg đã được ghi nhận trong hội nghị này.' },
      ]);
      await refused(() => patch(`${decisionsPath(c.id)}/${collectiveOnly}`, { version: 1, number: '123/QD-TTg' }), 409, 'number');
    });

    it('lets another conference use the same number', async () => {
      await post(decisionsPath(other.id), anAwardDecision()).expect(201);
    });

    it('refuses an unknown award form, naming awardFormCode', async () => {
      await refused(
        () => post(decisionsPath(c.id), anAwardDecision({ number: '8/QĐ-TTg', awardFormCode: 'huy-chuong-vang' })),
        400,
        'awardFormCode',
        'award_form_not_found',
      );
      await refused(
        () => patch(`${decisionsPath(c.id)}/${decisionId}`, { version: 1, awardFormCode: 'huy-chuong-vang' }),
        400,
        'awardFormCode',
        'award_form_not_found',
      );
    });

    it('refuses a form that does not take the kinds of recipients the decision has', async () => {
      await refused(
        () => patch(`${decisionsPath(c.id)}/${decisionId}`, { version: 1, awardFormCode: 'co-thi-dua-chinh-phu' }),
        400,
        'awardFormCode',
        'award_form_kind_mismatch',
      );
    });

    it('refuses a signing date that is not a day', async () => {
      await refused(() => post(decisionsPath(c.id), anAwardDecision({ number: '9/QĐ-TTg', signedAt: '2025-02-30' })), 400, 'signedAt');
      await refused(() => post(decisionsPath(c.id), anAwardDecision({ number: '9/QĐ-TTg', signedAt: '08/07/2025' })), 400, 'signedAt');
    });

    it('refuses a recipient with neither name nor organization, alone, in a list, or with its decision', async () => {
      const recipients = `${decisionsPath(c.id)}/${decisionId}/recipients`;
      await refused(() => post(recipients, anAwardRecipient({ name: null, organization: null })), 400, 'name', 'name_or_organization_required');
      await refused(
        () => post(recipients, { items: [anAwardRecipient(), anAwardRecipient({ name: undefined, organization: undefined })] }),
        400,
        'items.1.name',
        'name_or_organization_required',
      );
      await refused(
        () => post(decisionsPath(c.id), { ...anAwardDecision({ number: '10/QĐ-TTg' }), recipients: [anAwardRecipient({ name: null, organization: null })] }),
        400,
        'recipients.0.name',
      );
      await refused(() => patch(`${recipients}/${recipientId}`, { version: 1, name: null, organization: null }), 400, 'name');
    });

    it('refuses a recipient kind the award form does not take', async () => {
      const res = await post(`${decisionsPath(c.id)}/${collectiveOnly}/recipients`, anAwardRecipient({ kind: 'individual' }));
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual({
        field: 'kind',
        code: 'kind_not_allowed',
        message: 'Cờ thi đua của Chính phủ không dành cho cá nhân (individual); hình thức này dành cho tập thể (collective).',
      });
      await refused(() => post(`${decisionsPath(c.id)}/${collectiveOnly}/recipients`, anAwardRecipient({ kind: 'individual' })), 400, 'kind');
      await refused(() => post(`${decisionsPath(c.id)}/${collectiveOnly}/recipients`, anAwardRecipient({ kind: 'team' })), 400, 'kind');
    });

    it('refuses an agenda item or a bridge point of another conference', async () => {
      const recipients = `${decisionsPath(c.id)}/${decisionId}/recipients`;
      await refused(() => post(recipients, anAwardRecipient({ agendaItemId: other.ceremonyId })), 400, 'agendaItemId', 'agenda_item_not_found');
      await refused(() => post(recipients, anAwardRecipient({ bridgePointId: other.main.id })), 400, 'bridgePointId', 'bridge_point_not_found');
      await refused(() => patch(`${recipients}/${recipientId}`, { version: 1, bridgePointId: other.byCode('24').id }), 400, 'bridgePointId');
    });

    it('refuses an administrative unit that is not in the catalogue of the conference’s date', async () => {
      const recipients = `${decisionsPath(c.id)}/${decisionId}/recipients`;
      await refused(() => post(recipients, anAwardRecipient({ administrativeUnitCode: '99' })), 400, 'administrativeUnitCode');
      // 06 (Bắc Kạn) was a province of vn-63; it joined Thái Nguyên in vn-34.
      await refused(() => post(recipients, anAwardRecipient({ administrativeUnitCode: '06' })), 400, 'administrativeUnitCode', 'administrative_unit_not_found');
      await refused(() => post(recipients, anAwardRecipient({ administrativeUnitCode: '1' })), 400, 'administrativeUnitCode');
    });

    it('refuses a stale version of a recipient', async () => {
      const path = `${decisionsPath(c.id)}/${decisionId}/recipients/${recipientId}`;
      await refused(() => patch(path, { version: 5, name: 'Khác' }), 409, 'version');
    });

    it('answers 404 for a decision of another conference', async () => {
      const foreign = (await t.http.get(decisionsPath(other.id)).auth(t.adminToken, bearer).expect(200)).body.items[0].id;
      const res = await t.http.get(`${decisionsPath(c.id)}/${foreign}`).auth(t.adminToken, bearer).expect(404);
      expect(res.body.details).toEqual([
        { field: 'decisionId', code: 'award_decision_not_found', message: `Không tìm thấy quyết định khen thưởng ${foreign} trong hội nghị này.` },
      ]);
      const before = await snapshot(c.id);
      await patch(`${decisionsPath(c.id)}/${foreign}`, { version: 1, signerName: 'X' }).expect(404);
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  describe('who may read and write awards', () => {
    let c: Setup;
    let decisionId: string;
    beforeAll(async () => {
      c = await newConference();
      decisionId = (
        await post(decisionsPath(c.id), {
          ...anAwardDecision(),
          recipients: [
            anAwardRecipient({ name: 'Người nhận ở Trung ương', bridgePointId: c.main.id }),
            anAwardRecipient({ name: 'Người nhận ở Bắc Ninh', bridgePointId: c.byCode('24').id }),
            anAwardRecipient({ name: 'Người nhận chưa có nơi trao' }),
          ],
        }).expect(201)
      ).body.id;
    });

    it('lets a viewer read but not write', async () => {
      const viewer = await t.userWithRole('viewer');
      const list = await t.http.get(decisionsPath(c.id)).auth(viewer, bearer).expect(200);
      expect(list.body.items[0].recipients).toHaveLength(3);
      const before = await snapshot(c.id);
      await post(decisionsPath(c.id), anAwardDecision({ number: '1/QĐ-TTg' }), viewer).expect(403);
      await post(`${decisionsPath(c.id)}/${decisionId}/recipients`, anAwardRecipient(), viewer).expect(403);
      await patch(`${decisionsPath(c.id)}/${decisionId}`, { version: 1, signerName: 'X' }, viewer).expect(403);
      await t.http.delete(`${decisionsPath(c.id)}/${decisionId}`).auth(viewer, bearer).expect(403);
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('shows an operator only the awards presented at its own bridge point, and lets it write nothing', async () => {
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.byCode('24').id] });
      const list = await t.http.get(decisionsPath(c.id)).auth(operator, bearer).expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0].recipients.map((r: { name: string }) => r.name)).toEqual(['Người nhận ở Bắc Ninh']);
      const one = await t.http.get(`${decisionsPath(c.id)}/${decisionId}`).auth(operator, bearer).expect(200);
      expect(one.body.recipients).toHaveLength(1);
      const before = await snapshot(c.id);
      await post(`${decisionsPath(c.id)}/${decisionId}/recipients`, anAwardRecipient(), operator).expect(403);
      await patch(`${decisionsPath(c.id)}/${decisionId}`, { version: 1, signerName: 'X' }, operator).expect(403);
      expect(await snapshot(c.id)).toEqual(before);

      const elsewhere = await t.userWithRole('operator', { bridgePointIds: [c.byCode('01').id] });
      const none = await t.http.get(decisionsPath(c.id)).auth(elsewhere, bearer).expect(200);
      expect(none.body).toMatchObject({ total: 0, items: [] });
      await t.http.get(`${decisionsPath(c.id)}/${decisionId}`).auth(elsewhere, bearer).expect(404);
    });

    it('freezes the awards of a cancelled conference', async () => {
      const x = await newConference();
      const d = (await post(decisionsPath(x.id), anAwardDecision()).expect(201)).body;
      await post(`/api/conferences/${x.id}/cancel`, { reason: 'Hoãn do thiên tai' }).expect(200);
      const before = await snapshot(x.id);
      const res = await post(`${decisionsPath(x.id)}/${d.id}/recipients`, anAwardRecipient());
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual([
        { field: 'status', code: 'conference_cancelled', message: `Hội nghị ${x.id} đã bị hủy; không thể thay đổi khen thưởng của hội nghị nữa.` },
      ]);
      await patch(`${decisionsPath(x.id)}/${d.id}`, { version: 1, signerName: 'X' }).expect(409);
      expect(await snapshot(x.id)).toEqual(before);
    });
  });

  describe('the demo awards', () => {
    it('seeds a Bằng khen of the Prime Minister and one of Ban Dân vận Trung ương once, at the award ceremony, in Hà Nội and Bắc Giang', async () => {
      const tx = t.app.get(TransactionRunner);
      const demo = t.app.get(DemoSeeder);
      const seeder = t.app.get(AwardsDemoSeeder);
      const id = demo.read().conference.id;
      expect(seeder.read().conferenceId).toBe(id);
      await tx.transaction(async (m) => {
        await demo.seed(m, null);
        await seeder.seed(m, id);
      });

      const agenda = (await t.http.get(`/api/conferences/${id}/agenda-items`).auth(t.adminToken, bearer).expect(200)).body.items as {
        id: string;
        kind: string;
        startsAt: string;
        endsAt: string;
      }[];
      // Gapless, inside 08:00–11:30, with the ceremony between the conclusion and the closing.
      expect(agenda[0].startsAt).toBe('2022-07-15T01:00:00.000Z');
      expect(agenda[agenda.length - 1].endsAt).toBe('2022-07-15T04:30:00.000Z');
      agenda.slice(1).forEach((item, i) => expect(item.startsAt).toBe(agenda[i].endsAt));
      expect(agenda.map((i) => i.kind).slice(-3)).toEqual(['conclusion', 'award_ceremony', 'closing']);
      const ceremony = agenda.find((i) => i.kind === 'award_ceremony')!;

      const list = (await t.http.get(decisionsPath(id)).auth(t.adminToken, bearer).expect(200)).body;
      expect(list.items.map((d: { number: string; awardFormName: string; awardTitle: string }) => [d.number, d.awardFormName, d.awardTitle])).toEqual([
        ['1026/QĐ-TTg', 'Bằng khen của Thủ tướng Chính phủ', 'Bằng khen của Thủ tướng Chính phủ'],
        ['15/QĐ-BDVTW', 'Bằng khen của Ban Trung ương Đảng', 'Bằng khen của Ban Dân vận Trung ương'],
      ]);
      const ttg = list.items[0].recipients as { kind: string; bridgePointName: string; agendaItemId: string }[];
      expect(ttg.map((r) => r.kind)).toEqual(['collective', 'collective', 'individual', 'individual', 'individual']);
      expect(new Set(ttg.map((r) => r.bridgePointName))).toEqual(new Set(['Điểm cầu Trung ương (Hà Nội)', 'Điểm cầu tỉnh Bắc Giang']));
      expect(ttg.every((r) => r.agendaItemId === ceremony.id)).toBe(true);

      const before = await snapshot(id);
      await tx.transaction((m) => seeder.seed(m, id));
      expect(await snapshot(id)).toEqual(before);
    });
  });
});
