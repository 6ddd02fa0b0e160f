import { ConflictException } from '@nestjs/common';
import { assertOpen, isClosed, nextStatus } from './conference-lifecycle';

describe('conference lifecycle', () => {
  it('moves draft → published → ongoing → completed', () => {
    expect(nextStatus('draft', 'publish')).toBe('published');
    expect(nextStatus('published', 'start')).toBe('ongoing');
    expect(nextStatus('ongoing', 'complete')).toBe('completed');
  });

  it.each(['draft', 'published', 'ongoing'] as const)('cancels from %s', (from) => {
    expect(nextStatus(from, 'cancel')).toBe('cancelled');
  });

  it.each([
    ['draft', 'start'],
    ['draft', 'complete'],
    ['published', 'publish'],
    ['published', 'complete'],
    ['ongoing', 'publish'],
    ['completed', 'cancel'],
    ['completed', 'start'],
    ['cancelled', 'publish'],
    ['cancelled', 'cancel'],
  ] as const)('refuses %s → %s with 409 naming the current state', (from, transition) => {
    expect(() => nextStatus(from, transition)).toThrow(ConflictException);
    expect(() => nextStatus(from, transition)).toThrow(`cannot ${transition} a conference that is ${from}`);
  });

  it('treats completed and cancelled conferences as read-only', () => {
    expect(isClosed('completed')).toBe(true);
    expect(isClosed('cancelled')).toBe(true);
    expect(isClosed('ongoing')).toBe(false);
    expect(() => assertOpen({ id: 'c1', status: 'cancelled' })).toThrow('conference c1 is cancelled and can no longer be changed');
    expect(() => assertOpen({ id: 'c1', status: 'draft' })).not.toThrow();
  });
});
