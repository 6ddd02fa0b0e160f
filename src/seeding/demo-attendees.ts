import { pickIndices, pickOne, seededRandom } from '../common/seeded-random';
import { searchKey } from '../common/text';

/** A district-level unit whose cadres attend: "huyện Đức Thọ", whose party committee is "Huyện ủy Đức Thọ". */
export interface DemoUnit {
  district: string;
  partyCommittee: string;
}

/**
 * How a demo's list of people is made up: synthetic names drawn from the lists with a fixed
 * seed, spread over the units, most checked in at the door before the start, a few late, a few
 * on the list who did not come.
 */
export interface DemoAttendeesSpec {
  count: number;
  seed: number;
  emailDomain: string;
  /** The first this-many people of each unit work at its Ban Dân vận; the others are commune-level cadres. */
  districtLevelPerUnit: number;
  units: DemoUnit[];
  familyNames: string[];
  middleNames: { male: string[]; female: string[] };
  givenNames: { male: string[]; female: string[] };
  checkIn: { from: string; until: string; late: number; lateFrom: string; lateUntil: string; noShows: number; by: string };
}

export interface DemoPerson {
  fullName: string;
  organization: string;
  email: string;
  /** null: on the list, did not come. */
  checkedInAt: Date | null;
}

/** The demo's people, the same for the same spec on every run. */
export function demoAttendees(spec: DemoAttendeesSpec): DemoPerson[] {
  const random = seededRandom(spec.seed);
  const people = Array.from({ length: spec.count }, (_, i) => {
    const unit = spec.units[i % spec.units.length];
    const districtLevel = Math.floor(i / spec.units.length) < spec.districtLevelPerUnit;
    const fullName = demoName(random, spec);
    const slug = searchKey(fullName).replace(/\s+/g, '.');
    return {
      fullName,
      organization: districtLevel ? `Ban Dân vận ${unit.partyCommittee}` : `Khối dân vận cấp xã, ${unit.district}`,
      email: `${slug}.${String(i + 1).padStart(3, '0')}@${spec.emailDomain}`,
      checkedInAt: null as Date | null,
    };
  });
  const { checkIn } = spec;
  const [late, noShows] = splitPicks(pickIndices(random, spec.count, checkIn.late + checkIn.noShows), checkIn.late);
  const skipped = new Set(noShows);
  const lateOnes = new Set(late);
  people.forEach((person, i) => {
    if (skipped.has(i)) return;
    person.checkedInAt = lateOnes.has(i)
      ? minuteBetween(random, checkIn.lateFrom, checkIn.lateUntil)
      : minuteBetween(random, checkIn.from, checkIn.until);
  });
  return people;
}

function demoName(random: () => number, spec: DemoAttendeesSpec): string {
  const gender = random() < 0.5 ? 'male' : 'female';
  return [pickOne(random, spec.familyNames), pickOne(random, spec.middleNames[gender]), pickOne(random, spec.givenNames[gender])].join(' ');
}

const splitPicks = (picked: number[], first: number): [number[], number[]] => [picked.slice(0, first), picked.slice(first)];

/** A whole minute from `from` up to `until` (ISO 8601 with an offset). */
function minuteBetween(random: () => number, from: string, until: string): Date {
  const start = new Date(from).getTime();
  const minutes = Math.floor((new Date(until).getTime() - start) / 60_000);
  return new Date(start + Math.floor(random() * (minutes + 1)) * 60_000);
}
