import { createHash } from 'node:crypto';
import { canonicalJson, minutesContentHash } from './minutes-hash';
import { MinutesSections } from './minutes-sections';

describe('canonical JSON and the content hash of approved minutes', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('reads text in NFC, so decomposed and composed Vietnamese hash the same', () => {
    const composed = 'Hà Nội, ngày 15 tháng 7 năm 2022';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(canonicalJson({ place: decomposed })).toBe(canonicalJson({ place: composed }));
  });

  it('drops undefined members and keeps array order', () => {
    expect(canonicalJson({ a: undefined, b: [2, 1] })).toBe('{"b":[2,1]}');
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('hashes { conferenceId, number, sections } with SHA-256 in hex', () => {
    const sections = { title: 'Hội nghị', conclusions: ['Một'] } as unknown as MinutesSections;
    const expected = createHash('sha256')
      .update('{"conferenceId":"c1","number":"15/BB-BDVTW","sections":{"conclusions":["Một"],"title":"Hội nghị"}}', 'utf8')
      .digest('hex');
    expect(minutesContentHash({ conferenceId: 'c1', number: '15/BB-BDVTW', sections })).toBe(expected);
    expect(minutesContentHash({ conferenceId: 'c1', number: '16/BB-BDVTW', sections })).not.toBe(expected);
  });
});
