import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../common/project-paths';
import { demoAttendees, DemoAttendeesSpec } from './demo-attendees';

const spec = (JSON.parse(readFileSync(join(seedsDir(), 'demo-training.json'), 'utf8')) as { attendees: DemoAttendeesSpec }).attendees;

describe('demoAttendees', () => {
  it('makes the same people from the same spec', () => {
    expect(demoAttendees(spec)).toEqual(demoAttendees(spec));
  });

  it('makes 300 people with Vietnamese names, distinct emails under the demo domain, from every unit', () => {
    const people = demoAttendees(spec);
    expect(people).toHaveLength(300);
    expect(new Set(people.map((p) => p.email)).size).toBe(300);
    expect(people.every((p) => /^[a-z.]+\.\d{3}@demo\.hoinghi\.local$/.test(p.email))).toBe(true);
    expect(people.every((p) => p.fullName === p.fullName.normalize('NFC') && p.fullName.split(' ').length >= 3)).toBe(true);
    expect(people.filter((p) => /(\S+) \1$/u.test(p.fullName))).toEqual([]);
    const organizations = new Set(people.map((p) => p.organization));
    expect(organizations).toEqual(expect.objectContaining({ size: 26 }));
    expect(organizations).toContain('Ban Dân vận Thị ủy Hồng Lĩnh');
    expect(organizations).toContain('Khối dân vận cấp xã, huyện Vũ Quang');
  });

  it('checks most in before the start, a few late, and leaves the no-shows without a check-in', () => {
    const people = demoAttendees(spec);
    const at = people.map((p) => p.checkedInAt?.getTime());
    expect(at.filter((t) => t === undefined)).toHaveLength(4);
    expect(at.filter((t) => t !== undefined && t > new Date(spec.checkIn.until).getTime())).toHaveLength(9);
    expect(at.every((t) => t === undefined || t % 60_000 === 0)).toBe(true);
  });
});
