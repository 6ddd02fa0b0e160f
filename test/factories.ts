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
