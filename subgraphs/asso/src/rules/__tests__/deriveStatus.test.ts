import { actsApplyingOn, deriveStatus, inForceOn, type ActKind, type StatusAct } from '../deriveStatus';

/** An act valid from `validFrom` (issued the same day unless `date` is given). */
function act(kind: ActKind, validFrom: string, validTo: string | null = null, date: string = validFrom): StatusAct {
  return { kind, date, validFrom, validTo };
}

describe('deriveStatus (seed 002: status from the acts in force)', () => {
  it('is NOT_AUTHORISED with no acts', () => {
    expect(deriveStatus([], '2024-01-01')).toBe('NOT_AUTHORISED');
  });

  it('follows the authorisation → suspension → reactivation → revocation timeline', () => {
    const acts = [
      act('AUTHORISATION', '2020-01-10'),
      act('SUSPENSION', '2021-03-01'),
      act('REACTIVATION', '2021-06-01'),
      act('REVOCATION', '2023-02-01'),
    ];
    expect(deriveStatus(acts, '2020-01-09')).toBe('NOT_AUTHORISED');
    expect(deriveStatus(acts, '2020-01-10')).toBe('ACTIVE');
    expect(deriveStatus(acts, '2021-02-28')).toBe('ACTIVE');
    expect(deriveStatus(acts, '2021-03-01')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-05-31')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-06-01')).toBe('ACTIVE');
    expect(deriveStatus(acts, '2023-01-31')).toBe('ACTIVE');
    expect(deriveStatus(acts, '2023-02-01')).toBe('REVOKED');
    expect(deriveStatus(acts, '2030-01-01')).toBe('REVOKED');
  });

  it('does not count acts valid from a future date yet', () => {
    const acts = [act('AUTHORISATION', '2024-07-01', null, '2024-06-01')];
    expect(deriveStatus(acts, '2024-06-15')).toBe('NOT_AUTHORISED');
    expect(deriveStatus(acts, '2024-07-01')).toBe('ACTIVE');
    const suspensionAnnounced = [act('AUTHORISATION', '2020-01-01'), act('SUSPENSION', '2024-09-01', null, '2024-06-01')];
    expect(deriveStatus(suspensionAnnounced, '2024-06-15')).toBe('ACTIVE');
    expect(deriveStatus(suspensionAnnounced, '2024-09-01')).toBe('SUSPENDED');
  });

  it('lets an authorisation lapse after its validTo, unless a later one is in force', () => {
    const lapsed = [act('AUTHORISATION', '2020-01-01', '2022-12-31')];
    expect(deriveStatus(lapsed, '2022-12-31')).toBe('ACTIVE');
    expect(deriveStatus(lapsed, '2023-01-01')).toBe('NOT_AUTHORISED');
    const renewed = [...lapsed, act('AUTHORISATION', '2022-12-15', '2027-12-31')];
    expect(deriveStatus(renewed, '2023-01-01')).toBe('ACTIVE');
    expect(deriveStatus(renewed, '2028-01-01')).toBe('NOT_AUTHORISED');
  });

  it('lets a later authorisation replace an earlier one (renewal or modification)', () => {
    const acts = [act('AUTHORISATION', '2020-01-01'), act('AUTHORISATION', '2022-01-01', '2022-12-31')];
    expect(deriveStatus(acts, '2022-06-01')).toBe('ACTIVE');
    expect(deriveStatus(acts, '2023-01-01')).toBe('NOT_AUTHORISED');
  });

  it('returns to the previous state after a suspension with an end date', () => {
    const acts = [act('AUTHORISATION', '2020-01-01'), act('SUSPENSION', '2021-01-01', '2021-03-31')];
    expect(deriveStatus(acts, '2021-01-01')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-03-31')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-04-01')).toBe('ACTIVE');
  });

  it('returns to NOT_AUTHORISED after a suspension when the authorisation lapsed meanwhile', () => {
    const acts = [act('AUTHORISATION', '2020-01-01', '2021-02-28'), act('SUSPENSION', '2021-01-01', '2021-03-31')];
    expect(deriveStatus(acts, '2021-03-15')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-04-01')).toBe('NOT_AUTHORISED');
  });

  it('stays SUSPENDED while any of overlapping suspensions is in force', () => {
    const acts = [
      act('AUTHORISATION', '2020-01-01'),
      act('SUSPENSION', '2021-01-01', '2021-06-30'),
      act('SUSPENSION', '2021-03-01', '2021-04-30'),
    ];
    expect(deriveStatus(acts, '2021-05-15')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-07-01')).toBe('ACTIVE');
  });

  it('ends every suspension with a reactivation', () => {
    const acts = [
      act('AUTHORISATION', '2020-01-01'),
      act('SUSPENSION', '2021-01-01'),
      act('SUSPENSION', '2021-02-01', '2021-12-31'),
      act('REACTIVATION', '2021-03-01'),
    ];
    expect(deriveStatus(acts, '2021-02-15')).toBe('SUSPENDED');
    expect(deriveStatus(acts, '2021-03-01')).toBe('ACTIVE');
  });

  it('does not lift a suspension in force with a new authorisation', () => {
    const acts = [act('AUTHORISATION', '2020-01-01'), act('SUSPENSION', '2021-01-01'), act('AUTHORISATION', '2021-06-01')];
    expect(deriveStatus(acts, '2021-07-01')).toBe('SUSPENDED');
  });

  it('restores a revoked structure only with a new authorisation', () => {
    const acts = [act('AUTHORISATION', '2020-01-01'), act('REVOCATION', '2021-01-01'), act('REACTIVATION', '2021-02-01')];
    expect(deriveStatus(acts, '2021-03-01')).toBe('REVOKED');
    const reauthorised = [...acts, act('AUTHORISATION', '2022-01-01')];
    expect(deriveStatus(reauthorised, '2021-12-31')).toBe('REVOKED');
    expect(deriveStatus(reauthorised, '2022-01-01')).toBe('ACTIVE');
  });

  it('ignores suspensions and closures of a revoked structure', () => {
    const acts = [act('AUTHORISATION', '2020-01-01'), act('REVOCATION', '2021-01-01'), act('SUSPENSION', '2021-02-01', '2021-03-01'), act('CLOSURE', '2021-04-01')];
    expect(deriveStatus(acts, '2021-02-15')).toBe('REVOKED');
    expect(deriveStatus(acts, '2021-05-01')).toBe('REVOKED');
  });

  it('keeps a structure CLOSED until a reactivation or a new authorisation', () => {
    const closed = [act('AUTHORISATION', '2020-01-01'), act('CLOSURE', '2021-01-01', '2021-02-01')];
    expect(deriveStatus(closed, '2021-01-01')).toBe('CLOSED');
    expect(deriveStatus(closed, '2025-01-01')).toBe('CLOSED');
    expect(deriveStatus([...closed, act('REACTIVATION', '2022-01-01')], '2022-01-01')).toBe('ACTIVE');
    expect(deriveStatus([...closed, act('AUTHORISATION', '2023-01-01')], '2023-01-01')).toBe('ACTIVE');
  });

  it('reactivates to NOT_AUTHORISED when the authorisation has lapsed', () => {
    const acts = [act('AUTHORISATION', '2020-01-01', '2020-12-31'), act('CLOSURE', '2020-06-01'), act('REACTIVATION', '2021-06-01')];
    expect(deriveStatus(acts, '2021-06-01')).toBe('NOT_AUTHORISED');
  });

  it('does not activate a never-authorised structure with a reactivation or a suspension', () => {
    expect(deriveStatus([act('REACTIVATION', '2020-01-01')], '2021-01-01')).toBe('NOT_AUTHORISED');
    expect(deriveStatus([act('SUSPENSION', '2020-01-01')], '2021-01-01')).toBe('NOT_AUTHORISED');
  });

  it('does not change the status with warnings and accreditations', () => {
    const acts = [act('ACCREDITATION', '2019-01-01'), act('AUTHORISATION', '2020-01-01'), act('WARNING', '2020-06-01'), act('ACCREDITATION', '2021-01-01')];
    expect(deriveStatus(acts.slice(0, 1), '2019-06-01')).toBe('NOT_AUTHORISED');
    expect(deriveStatus(acts, '2021-06-01')).toBe('ACTIVE');
    expect(deriveStatus([...acts, act('SUSPENSION', '2022-01-01'), act('WARNING', '2022-02-01')], '2022-03-01')).toBe('SUSPENDED');
  });

  it('orders acts by validFrom, then act date, then recording order, whatever the input order', () => {
    // Same validity start: the reactivation issued later wins over the suspension issued earlier.
    const sameStart = [act('REACTIVATION', '2021-01-01', null, '2020-12-20'), act('AUTHORISATION', '2020-01-01'), act('SUSPENSION', '2021-01-01', null, '2020-12-10')];
    expect(deriveStatus(sameStart, '2021-01-02')).toBe('ACTIVE');
    // Same validity start and same date: the one recorded later (later in the array) wins.
    const sameDay = [act('AUTHORISATION', '2020-01-01'), act('REACTIVATION', '2021-01-01'), act('SUSPENSION', '2021-01-01')];
    expect(deriveStatus(sameDay, '2021-01-02')).toBe('SUSPENDED');
    const sameDayOtherOrder = [act('AUTHORISATION', '2020-01-01'), act('SUSPENSION', '2021-01-01'), act('REACTIVATION', '2021-01-01')];
    expect(deriveStatus(sameDayOtherOrder, '2021-01-02')).toBe('ACTIVE');
  });

  it('applies a retroactive act recorded later in its validity order', () => {
    // A revocation issued in 2022 but valid from 2021: on 2021-06-01 the structure was already revoked.
    const acts = [act('AUTHORISATION', '2020-01-01'), act('REVOCATION', '2021-01-01', null, '2022-01-10')];
    expect(deriveStatus(acts, '2021-06-01')).toBe('REVOKED');
  });
});

describe('inForceOn / actsApplyingOn', () => {
  it('treats validTo as inclusive', () => {
    expect(inForceOn({ validFrom: '2020-01-01', validTo: '2020-12-31' }, '2020-12-31')).toBe(true);
    expect(inForceOn({ validFrom: '2020-01-01', validTo: '2020-12-31' }, '2021-01-01')).toBe(false);
    expect(inForceOn({ validFrom: '2020-01-01', validTo: null }, '2019-12-31')).toBe(false);
  });

  it('keeps only acts started on or before the date, in application order', () => {
    const a = act('AUTHORISATION', '2020-01-01');
    const b = act('WARNING', '2019-01-01');
    const c = act('SUSPENSION', '2030-01-01');
    expect(actsApplyingOn([a, b, c], '2024-01-01')).toEqual([b, a]);
  });
});
