import { GroupCommit } from './mail-dispatcher';
import { isServerUnavailable } from './mail-transport';

describe('GroupCommit', () => {
  it('writes what arrives while a write runs in the next single write, in order', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await first;
    });
    commit.add(1);
    commit.add(2);
    commit.add(3);
    release();
    await commit.settled();
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('reports a failed write from settled() after writing the rest', async () => {
    const written: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      if (items.includes(1)) throw new Error('disk full');
      written.push(...items);
    });
    commit.add(1);
    commit.add(2);
    await expect(commit.settled()).rejects.toThrow('disk full');
    expect(written).toEqual([2]);
  });
});

describe('isServerUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: 'ESOCKET', command: 'CONN' }, true],
    [{ code: 'ETIMEDOUT' }, true],
    [{ code: 'EPROTOCOL', command: 'GREETING' }, true],
    [{ code: 'EENVELOPE', responseCode: 421, command: 'MAIL FROM' }, true],
    [{ code: 'EMESSAGE', responseCode: 451, command: 'DATA' }, false],
    [{ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, false],
    [new Error('something else'), false],
  ])('%j → %s', (error, expected) => {
    expect(isServerUnavailable(error)).toBe(expected);
  });
});
