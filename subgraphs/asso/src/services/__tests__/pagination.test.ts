import { afterCode, decodeCursor, encodeCursor, pageSize } from '../pagination';
import { containsPattern } from '../../repositories/structureRepository';

describe('structures(first, after) pagination', () => {
  it('round-trips a structure code through an opaque cursor', () => {
    const cursor = encodeCursor('RM-C001');
    expect(cursor).not.toContain('RM-C001');
    expect(decodeCursor(cursor)).toBe('RM-C001');
    expect(afterCode(cursor)).toBe('RM-C001');
  });

  it('refuses cursors that are not ours on field after', () => {
    expect(decodeCursor('garbage')).toBeNull();
    expect(decodeCursor(Buffer.from('minor:RM-C001').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from("structure:x' OR 1=1").toString('base64url'))).toBeNull();
    expect(() => afterCode('garbage')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    expect(afterCode(null)).toBeNull();
  });

  it('defaults first to 50 and accepts 1..100 only', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) {
      expect(() => pageSize(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) }));
    }
  });
});

describe('name filter pattern', () => {
  it('matches % and _ literally', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
