import { describe, expect, it } from 'vitest';
import { guestFlags } from './flags';

const base = { kind: 'EMERGENCY', admissionDate: '2026-01-10', qualityFlags: [], unaccompanied: false, absences: [] };

describe('flags on today’s guests (seed 003 §3.9.6: pronta accoglienza at most 2 months, 6 for MSNA)', () => {
  it('warns 14 days before the 2-month limit, not earlier', () => {
    expect(guestFlags(base, '2026-02-23')).toEqual([]);
    expect(guestFlags(base, '2026-02-24')).toEqual([{ kind: 'nearLimit', months: 2, limitDate: '2026-03-10' }]);
  });

  it('flags an emergency placement beyond its limit (the limit day itself is allowed), or when the hub says so', () => {
    expect(guestFlags(base, '2026-03-10')[0]?.kind).toBe('nearLimit');
    expect(guestFlags(base, '2026-03-11')).toEqual([{ kind: 'overLimit', months: 2 }]);
    expect(guestFlags({ ...base, qualityFlags: ['EMERGENCY_OVER_LIMIT'] }, '2026-01-11')).toEqual([{ kind: 'overLimit', months: 2 }]);
  });

  it('gives an unaccompanied minor 6 months', () => {
    expect(guestFlags({ ...base, unaccompanied: true }, '2026-03-11')).toEqual([]);
    expect(guestFlags({ ...base, unaccompanied: true }, '2026-07-11')).toEqual([{ kind: 'overLimit', months: 6 }]);
  });

  it('ignores ordinary placements, and shows an open absence or unauthorised departure', () => {
    const ordinary = { ...base, kind: 'ORDINARY', absences: [{ kind: 'UNAUTHORISED_DEPARTURE', startDate: '2026-05-01', endDate: null }, { kind: 'AUTHORISED_ABSENCE', startDate: '2026-04-01', endDate: '2026-04-03' }] };
    expect(guestFlags(ordinary, '2026-05-02')).toEqual([{ kind: 'missing', since: '2026-05-01' }]);
    expect(guestFlags({ ...ordinary, absences: [{ kind: 'HOSPITALISATION', startDate: '2026-05-01', endDate: null }] }, '2026-05-02')).toEqual([{ kind: 'away', since: '2026-05-01' }]);
  });
});
