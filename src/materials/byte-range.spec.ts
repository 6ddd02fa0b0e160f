import { parseRange } from './byte-range';

describe('Range header (one bytes range)', () => {
  const size = 1000;

  it('serves the whole file without a Range, or with one it does not understand', () => {
    expect(parseRange(undefined, size)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-10', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,5-9', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=abc-', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=-', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=20-10', size)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=99999999999999999999-', size)).toEqual({ kind: 'full' });
  });

  it('serves first-last, an open end and a suffix, clamped to the file', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('Bytes= 100 - 199 ', size)).toEqual({ kind: 'partial', start: 100, end: 199 });
    expect(parseRange('bytes=900-', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', size)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=-100', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=999-999', size)).toEqual({ kind: 'partial', start: 999, end: 999 });
  });

  it('answers unsatisfiable for a start past the end, an empty suffix, or any range of an empty file', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-2000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
