import { codeLists, findCode, getCodeList, isValidCode } from '..';
import { rows } from '../types';

describe('reference code lists', () => {
  it.each([...codeLists.keys()])('%s has unique, non-empty codes and labels', (name) => {
    const list = getCodeList(name);
    const codes = list.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.entries.every((e) => e.code.length > 0 && e.label.length > 0)).toBe(true);
    expect(list.source).toMatch(/seed|reference/);
  });

  it('has every intervention type of seed 003 §3.9.1–3.9.9, counted per group', () => {
    // Counted in seed 003_81ea9130f5f3c1a8.txt §3.9: 3.9.1 lists familiare and parentale,
    // each consensuale/giudiziale, plus affiancamento (5); 3.9.2 four adoption types; ...
    const expected: Record<string, number> = { '3.9.1': 5, '3.9.2': 4, '3.9.3': 6, '3.9.4': 4, '3.9.5': 12, '3.9.6': 14, '3.9.7': 6, '3.9.8': 7, '3.9.9': 2 };
    const counted: Record<string, number> = {};
    for (const e of getCodeList('INTERVENTION_TYPE').entries) counted[e.group!] = (counted[e.group!] ?? 0) + 1;
    expect(counted).toEqual(expected);
    expect(getCodeList('INTERVENTION_GROUP').entries.map((e) => e.code)).toEqual(Object.keys(expected));
  });

  it('marks the emergency placement and its limits (seed 003 §3.9.6)', () => {
    expect(findCode('INTERVENTION_TYPE', 'PRONTA_ACCOGLIENZA')?.attributes).toMatchObject({ structurePlacement: true, emergency: true, maxMonths: 2, maxMonthsUnaccompanied: 6 });
    expect(findCode('PLACEMENT_KIND', 'EMERGENCY')?.attributes).toMatchObject({ maxMonths: 2, maxMonthsUnaccompanied: 6 });
  });

  it('carries the problem rules of seed 003 §3.4–3.5', () => {
    expect(findCode('MINOR_PROBLEM', 'DISABILE_FISICO')?.attributes?.requiresHealthData).toBe(true);
    expect(findCode('MINOR_PROBLEM', '98')?.attributes?.requiresHealthOrAdditionalData).toBe(true);
    expect(findCode('MINOR_PROBLEM', 'VITTIMA_ACCERTATA')?.attributes?.requiresViolenceRecord).toBe(true);
  });

  it('ACT_KIND is exactly the seven kinds of act', () => {
    expect(getCodeList('ACT_KIND').entries.map((e) => e.code)).toEqual(['AUTHORISATION', 'ACCREDITATION', 'WARNING', 'SUSPENSION', 'REVOCATION', 'CLOSURE', 'REACTIVATION']);
  });

  it('respects validity dates when a date is given', () => {
    const list = { name: 'ACT_KIND' as const, entries: rows(undefined, [['X', 'x']]).map((e) => ({ ...e, validFrom: '2020-01-01', validTo: '2020-12-31' })) };
    const map = codeLists as Map<string, unknown>;
    const original = map.get('ACT_KIND');
    map.set('ACT_KIND', { ...list, description: '', source: 'seed', version: 't' });
    try {
      expect(isValidCode('ACT_KIND', 'X')).toBe(true);
      expect(isValidCode('ACT_KIND', 'X', '2020-06-01')).toBe(true);
      expect(isValidCode('ACT_KIND', 'X', '2019-12-31')).toBe(false);
      expect(isValidCode('ACT_KIND', 'X', '2021-01-01')).toBe(false);
    } finally {
      map.set('ACT_KIND', original);
    }
  });
});
