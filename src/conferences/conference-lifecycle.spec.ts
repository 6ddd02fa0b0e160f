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
    expect(() => nextStatus(from, transition)).toThrow(/^Không thể (công bố|bắt đầu|kết thúc|hủy) hội nghị ở trạng thái "/);
  });

  it('says in Vietnamese, with a code, which state refuses the step and which would allow it', () => {
    try {
      nextStatus('draft', 'start');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ConflictException).getResponse()).toEqual({
        message: 'Không thể bắt đầu hội nghị ở trạng thái "bản nháp" (chỉ bắt đầu được khi hội nghị "đã công bố").',
        details: [
          {
            field: 'status',
            code: 'transition_not_allowed',
            message: 'Không thể bắt đầu hội nghị ở trạng thái "bản nháp" (chỉ bắt đầu được khi hội nghị "đã công bố").',
          },
        ],
      });
    }
  });

  it('treats completed and cancelled conferences as read-only', () => {
    expect(isClosed('completed')).toBe(true);
    expect(isClosed('cancelled')).toBe(true);
    expect(isClosed('ongoing')).toBe(false);
    expect(() => assertOpen({ id: 'c1', status: 'cancelled' })).toThrow('Hội nghị đã hủy; không thể thay đổi nữa.');
    expect(() => assertOpen({ id: 'c1', status: 'draft' })).not.toThrow();
  });
});
