import { DataSource } from 'typeorm';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { ConclusionNotice } from '../../src/minutes/conclusion-notice.entity';
import { Minutes } from '../../src/minutes/minutes.entity';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../../src/documents/decree-30';
import { binary, flatten, pdfFontNames, readDocx, readPdf } from '../documents';
import { aConference, aMinutesConference, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/** The cells of every table row of word/document.xml, joined with "|". */
function docxRows(xml: string): string[] {
  return xml.split('</w:tr>').map((row) =>
    row
      .split('</w:tc>')
      .slice(0, -1)
      .map((cell) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('|')
      .normalize('NFC'),
  );
}

const RECIPIENTS = [
  anAwardRecipient({ position: 1 }),
  anAwardRecipient({ position: 2, name: 'Trần Quốc Vượng', title: 'Phó Bí thư Đảng ủy xã', organization: 'Đảng ủy xã Đất Mũi, tỉnh Cà Mau' }),
  anAwardRecipient({ kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Điện Biên', title: null, organization: null, position: 3 }),
];

describe('minutes and conclusion notice as DOCX and PDF', () => {
  let t: TestApp;
  let db: DataSource;
  let id: string;
  let points: BridgePoint[];
  const url = (path: string) => `/api/conferences/${id}${path}`;
  const post = (path: string, body: object) => t.http.post(url(path)).auth(t.adminToken, bearer).send(body);
  const file = (path: string) => t.http.get(path).auth(t.adminToken, bearer).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    id = (await aMinutesConference(t.http, t.adminToken)).id;
    points = await db.getRepository(BridgePoint).find({ where: { conferenceId: id }, order: { isMain: 'DESC', provinceCode: 'ASC' } });
    // Distinct figures per point, so each row is told apart.
    for (const [i, p] of points.entries()) {
      await db.getRepository(BridgePoint).update({ id: p.id }, { expectedAttendees: 100 + i, reportedAttendees: 200 + i });
    }
    await post(`/bridge-points/${points[1].id}/connection-checks`, { result: 'ok' }).expect(201);
    await post(`/bridge-points/${points[2].id}/connection-checks`, { result: 'failed', note: 'Mất tín hiệu' }).expect(201);
    await post('/award-decisions', { ...anAwardDecision(), recipients: RECIPIENTS }).expect(201);
    await post('/minutes', { secretaryName: 'Nguyễn Thị Thu Hà', secretaryTitle: 'Chuyên viên', number: '15' }).expect(201);
    await t.http
      .patch(url('/minutes'))
      .auth(t.adminToken, bearer)
      .send({ version: 1, sections: { conclusions: ['Hội nghị thống nhất đánh giá kết quả công tác dân vận 6 tháng đầu năm 2025.'] } })
      .expect(200);
    await post('/minutes/approve', { version: 2 }).expect(200);
  });
  afterAll(() => t.close());

  const headerLines = [
    'BAN DÂN VẬN TRUNG ƯƠNG',
    'Số: 15/BB-BDVTW',
    NATIONAL_TITLE,
    NATIONAL_MOTTO,
    'Hà Nội, ngày 15 tháng 7 năm 2025',
    'BIÊN BẢN',
    aConference().title,
    'Thời gian bắt đầu: 08 giờ 00 phút, ngày 15 tháng 7 năm 2025',
    'Hội nghị kết thúc vào hồi 11 giờ 30 phút, ngày 15 tháng 7 năm 2025',
    'THƯ KÝ',
    'CHỦ TỌA',
    'Nguyễn Thị Thu Hà',
    'Nơi nhận:',
    '- Lưu: VT.',
  ];

  /** Each point's cell in the table: the main point, one checked ok, one failed, the rest never answered. */
  const standing = (i: number) => ['Điểm cầu chính', 'Đã kết nối', 'Kết nối lỗi'][i] ?? 'Chưa phản hồi';
  const connectionSentences = () => [
    'Theo kết quả kiểm tra kết nối, Hội nghị được kết nối từ Điểm cầu Trung ương tới 1 điểm cầu.',
    `Kết nối lỗi: 1 điểm cầu (${points[2].name}).`,
    'Chưa phản hồi và chưa kiểm tra kết nối: 32 điểm cầu.',
    `Tổng số đại biểu theo kế hoạch ${(35 * 100 + 595).toLocaleString('vi-VN')}, thực tế tham dự ${(35 * 200 + 595).toLocaleString('vi-VN')}.`,
  ];

  it('writes the minutes as an A4 DOCX with the decree margins, Times New Roman and page numbers from page 2', async () => {
    const res = await file(url('/minutes.docx')).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Biên bản')}`);
    const docx = await readDocx(res.body as Buffer);
    const sectPr = docx.document.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(sectPr).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(sectPr).toContain('<w:titlePg/>');
    // Times New Roman is the default font of every run (the document's default style).
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<\/w:docDefaults>/);
    expect(docx.document).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/);
    // The default header carries the PAGE field; the first page's header is empty.
    const headers = Object.values(docx.headers);
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(headers.filter((h) => !/PAGE/.test(h) && !/<w:t[ >]/.test(h))).toHaveLength(1);
    expect(sectPr).toMatch(/<w:headerReference w:type="first"/);

    for (const line of headerLines) expect(docx.text).toContain(line.normalize('NFC'));
    const rows = docxRows(docx.document);
    points.forEach((p, i) => expect(rows).toContain(`${i + 1}|${p.name}|${standing(i)}|${100 + i}|${200 + i}`));
    for (const sentence of connectionSentences()) expect(flatten(docx.text)).toContain(flatten(sentence));
    const text = flatten(docx.text);
    for (const r of RECIPIENTS) expect(text).toContain(r.name as string);
    expect(text).toContain('Trần Quốc Vượng, Phó Bí thư Đảng ủy xã, Đảng ủy xã Đất Mũi, tỉnh Cà Mau');
    expect(text).toContain('Hội nghị thống nhất đánh giá kết quả công tác dân vận 6 tháng đầu năm 2025.');
  });

  it('writes the minutes as a PDF with Tinos embedded, every header line readable, page numbers from page 2', async () => {
    const res = await file(url('/minutes.pdf')).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bien-ban-hoi-nghi-[a-z0-9-]+\.pdf"; filename\*=UTF-8''/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = pdfFontNames(body);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Tinos-/);
    expect(body.toString('latin1')).toContain('/FontFile2');

    const pdf = await readPdf(body);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const line of headerLines) expect(pdf.flat).toContain(flatten(line));
    points.forEach((p, i) => expect(pdf.flat).toContain(`${i + 1} ${p.name} ${standing(i)} ${100 + i} ${200 + i}`));
    for (const sentence of connectionSentences()) expect(pdf.flat).toContain(flatten(sentence));
    for (const r of RECIPIENTS) expect(pdf.flat).toContain(r.name as string);

    const lines = (page: string) => page.split('\n').map((l) => l.trim());
    expect(lines(pdf.pages[0])).not.toContain('1');
    pdf.pages.slice(1).forEach((page, i) => expect(lines(page)).toContain(String(i + 2)));
  });

  it('answers 404 in Vietnamese for the files of a conference without minutes, and 409 for a notice before approval', async () => {
    const other = (await aMinutesConference(t.http, t.adminToken)).id;
    for (const ext of ['docx', 'pdf']) {
      const res = await t.http.get(`/api/conferences/${other}/minutes.${ext}`).auth(t.adminToken, bearer).expect(404);
      expect(res.body.message).toContain('chưa có biên bản');
      const notice = await t.http.get(`/api/conferences/${other}/conclusion-notice.${ext}`).auth(t.adminToken, bearer).expect(404);
      expect(notice.body.details).toEqual([
        { field: 'conclusionNotice', code: 'conclusion_notice_not_found', message: 'Hội nghị chưa có thông báo kết luận.' },
      ]);
    }
    const noMinutes = await t.http.post(`/api/conferences/${other}/conclusion-notice`).auth(t.adminToken, bearer).send({}).expect(404);
    expect(noMinutes.body.message).toContain('chưa có biên bản');
    await t.http.post(`/api/conferences/${other}/minutes`).auth(t.adminToken, bearer).send({}).expect(201);
    const early = await t.http.post(`/api/conferences/${other}/conclusion-notice`).auth(t.adminToken, bearer).send({}).expect(409);
    expect(early.body.message).toBe('Không thể lập thông báo kết luận: biên bản đang là bản dự thảo (status draft, cần approved).');
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'status', code: 'minutes_draft' })]);
    expect(await db.getRepository(ConclusionNotice).countBy({ conferenceId: other })).toBe(0);
    expect(await db.getRepository(Minutes).countBy({ conferenceId: other, status: 'approved' })).toBe(0);
  });

  describe('the conclusion notice (thông báo kết luận)', () => {
    it('drafts from the approved minutes, edits with a version, and exports both files', async () => {
      const draft = await post('/conclusion-notice', { number: '20' }).expect(201);
      expect(draft.body).toMatchObject({ conferenceId: id, number: '20/TB-BDVTW', version: 1 });
      const s = draft.body.sections;
      expect(s.title).toBe(`Kết luận của đồng chí Trần Văn Minh, Trưởng Ban Dân vận Trung ương tại ${aConference().title}`);
      expect(s.conclusions).toEqual(['Hội nghị thống nhất đánh giá kết quả công tác dân vận 6 tháng đầu năm 2025.']);
      expect(s.signer).toEqual({ authority: '', title: 'TRƯỞNG BAN DÂN VẬN TRUNG ƯƠNG', name: 'Trần Văn Minh' });
      const again = await post('/conclusion-notice', {}).expect(409);
      expect(again.body.details).toEqual([
        { field: 'conclusionNotice', code: 'conclusion_notice_already_drafted', message: 'Hội nghị đã có thông báo kết luận.' },
      ]);
      // The drafted sections are accepted back as an edit.
      const roundTrip = await t.http.patch(url('/conclusion-notice')).auth(t.adminToken, bearer).send({ version: 1, sections: s }).expect(200);
      expect(roundTrip.body.sections).toEqual(s);

      const stale = await t.http.patch(url('/conclusion-notice')).auth(t.adminToken, bearer).send({ version: 1, sections: { signer: s.signer } });
      expect(stale.status).toBe(409);
      const bad = await t.http
        .patch(url('/conclusion-notice'))
        .auth(t.adminToken, bearer)
        .send({ version: 2, sections: { actionItems: [{ actionItemId: null, description: 'X', assignee: 'Y', deadline: '31/12/2025' }] } })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('sections.actionItems.0.deadline');
      const edited = await t.http
        .patch(url('/conclusion-notice'))
        .auth(t.adminToken, bearer)
        .send({
          version: 2,
          sections: {
            signer: { authority: 'TL. Trưởng Ban', title: 'Chánh Văn phòng', name: 'Nguyễn Văn Hùng' },
            actionItems: [{ actionItemId: null, description: 'Báo cáo kết quả phong trào “Dân vận khéo”', assignee: 'Tỉnh ủy Điện Biên', deadline: '2025-12-31' }],
          },
        })
        .expect(200);
      expect(edited.body).toMatchObject({ version: 3, number: '20/TB-BDVTW' });
      expect((await t.http.get(url('/conclusion-notice')).auth(t.adminToken, bearer).expect(200)).body).toEqual(edited.body);

      const expected = [
        'BAN DÂN VẬN TRUNG ƯƠNG',
        'Số: 20/TB-BDVTW',
        NATIONAL_TITLE,
        NATIONAL_MOTTO,
        'THÔNG BÁO',
        `Kết luận của đồng chí Trần Văn Minh, Trưởng Ban Dân vận Trung ương tại ${aConference().title}`,
        'TL. TRƯỞNG BAN',
        'CHÁNH VĂN PHÒNG',
        'Nguyễn Văn Hùng',
        'Nơi nhận:',
        '- Lưu: VT.',
        'Tỉnh ủy Điện Biên',
        '31/12/2025',
      ];
      const docx = await readDocx((await file(url('/conclusion-notice.docx')).expect(200)).body as Buffer);
      for (const line of expected) expect(flatten(docx.text)).toContain(flatten(line));
      expect(docx.document).toContain('<w:titlePg/>');
      const pdfRes = await file(url('/conclusion-notice.pdf')).expect(200);
      expect(pdfRes.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Thông báo kết luận')}`);
      const pdf = await readPdf(pdfRes.body as Buffer);
      for (const line of expected) expect(pdf.flat).toContain(flatten(line));
    });
  });
});
