/** Request bodies for tests: a valid default, changed only where a test cares. */

export const aConference = (overrides: Record<string, unknown> = {}) => ({
  title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
  kind: 'review',
  format: 'online',
  startsAt: '2025-07-15T08:00:00+07:00',
  endsAt: '2025-07-15T11:30:00+07:00',
  hostOrganization: 'Ban Dân vận Trung ương',
  venue: 'Hội trường Ban Dân vận Trung ương, Hà Nội',
  onlineUrl: 'https://hop.example.vn/dan-van-2025',
  chairName: 'Trần Văn Minh',
  chairTitle: 'Trưởng Ban Dân vận Trung ương',
  ...overrides,
});

export const aMainPoint = (overrides: Record<string, unknown> = {}) => ({
  name: 'Điểm cầu Trung ương',
  level: 'central',
  isMain: true,
  address: 'Số 1 Hùng Vương, Ba Đình, Hà Nội',
  ...overrides,
});

export const anAwardDecision = (overrides: Record<string, unknown> = {}) => ({
  number: '123/QĐ-TTg',
  signedAt: '2025-07-08',
  awardFormCode: 'bang-khen-thu-tuong-chinh-phu',
  issuingAuthority: 'Thủ tướng Chính phủ',
  signerName: 'Nguyễn Văn Phúc',
  signerTitle: 'Phó Thủ tướng Chính phủ',
  ...overrides,
});

export const anAwardRecipient = (overrides: Record<string, unknown> = {}) => ({
  kind: 'individual',
  name: 'Nguyễn Thị Hồng Nhung',
  title: 'Trưởng Ban Dân vận Huyện ủy',
  organization: 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang',
  achievement: 'Đã có thành tích xuất sắc trong công tác dân vận, góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc',
  ...overrides,
});

export const anActionItem = (overrides: Record<string, unknown> = {}) => ({
  description: 'Tổng hợp, báo cáo kết quả phong trào thi đua “Dân vận khéo” 6 tháng cuối năm',
  assignee: 'Tỉnh ủy Bắc Ninh',
  deadline: '2025-12-31',
  ...overrides,
});

/** The conference's agenda for a morning from 08:00 (+07:00) on `day`, one item per entry. */
export const anAgendaItem = (day: string, from: string, to: string, overrides: Record<string, unknown> = {}) => ({
  startsAt: `${day}T${from}:00+07:00`,
  endsAt: `${day}T${to}:00+07:00`,
  kind: 'report',
  title: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm',
  ...overrides,
});

interface Http {
  post(path: string): { auth(token: string, o: { type: 'bearer' }): { send(body: object): Promise<{ status: number; body: any }> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface MinutesConference {
  id: string;
  mainPointId: string;
  agendaIds: string[];
}

/**
 * Through the API: a conference (15 July 2025, 08:00–11:30) with the main point and the 34
 * provinces of vn-34, two speakers on a four-item agenda, three delegates at the main point
 * (one of whom declined), started (ongoing). Attendance figures are for the caller to set.
 */
export async function aMinutesConference(http: Http, token: string, overrides: Record<string, unknown> = {}): Promise<MinutesConference> {
  const bearer = { type: 'bearer' as const };
  const ok = async (path: string, body: object) => {
    const res = await http.post(path).auth(token, bearer).send(body);
    if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const c = await ok('/api/conferences', aConference(overrides));
  const base = `/api/conferences/${c.id}`;
  const main = await ok(`${base}/bridge-points`, aMainPoint({ expectedAttendees: 80 }));
  await ok(`${base}/bridge-points`, { administrativeUnitSet: 'vn-34' });
  const head = await ok('/api/speakers', { fullName: 'Trần Văn Minh', title: 'Trưởng Ban Dân vận Trung ương', organization: 'Ban Dân vận Trung ương' });
  const deputy = await ok('/api/speakers', { fullName: 'Phạm Thị Thu Hằng', title: 'Phó Trưởng Ban Dân vận Trung ương' });
  const day = '2025-07-15';
  const agenda = [
    anAgendaItem(day, '08:00', '08:15', { kind: 'opening', title: 'Khai mạc Hội nghị', speakerIds: [head.id] }),
    anAgendaItem(day, '08:15', '09:00', { title: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm 2025', speakerIds: [deputy.id] }),
    anAgendaItem(day, '09:00', '10:45', { kind: 'discussion', title: 'Thảo luận tại các điểm cầu', description: 'Các tỉnh ủy, thành ủy phát biểu tham luận.' }),
    anAgendaItem(day, '10:45', '11:30', { kind: 'conclusion', title: 'Phát biểu kết luận Hội nghị', speakerIds: [head.id] }),
  ];
  const agendaIds: string[] = [];
  for (const item of agenda) agendaIds.push((await ok(`${base}/agenda-items`, item)).id);
  const people = [
    { fullName: 'Lê Thị Mai', title: 'Vụ trưởng', bridgePointId: main.id, email: 'mai@dvtw.vn' },
    { fullName: 'Đỗ Văn Hùng', title: 'Chuyên viên', bridgePointId: main.id, email: 'hung@dvtw.vn' },
    { fullName: 'Ngô Thị Lan', title: null, bridgePointId: main.id, email: 'lan@dvtw.vn', status: 'declined' },
  ];
  for (const p of people) await ok(`${base}/attendees`, Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)));
  await ok(`${base}/publish`, {});
  await ok(`${base}/start`, {});
  return { id: c.id, mainPointId: main.id, agendaIds };
}
