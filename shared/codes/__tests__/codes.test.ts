import { codeLists, findCode, getCodeList, isCodeListName, isEntryValidOn, isValidCode, type CodeEntry, type CodeListName } from '..';

const codesOf = (name: CodeListName): string[] => getCodeList(name).entries.map((e) => e.code);
const withAttribute = (name: CodeListName, attribute: string, value: string | number | boolean = true): string[] =>
  getCodeList(name).entries.filter((e) => e.attributes?.[attribute] === value).map((e) => e.code);

describe('reference code lists', () => {
  it.each([...codeLists.keys()])('%s has unique codes, labels and a cited source on every entry', (name) => {
    const list = getCodeList(name);
    expect(list.name).toBe(name);
    const codes = codesOf(name);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of list.entries) {
      expect(e.code).toMatch(/^([A-Z][A-Z0-9_]*|\d+|\d+(\.\d+)+)$/);
      expect(e.label.trim()).not.toBe('');
      expect(e.source).toMatch(/seed 00\d_[0-9a-f]{16}\.txt|docs\/domain\.md/);
    }
    expect(list.source).toMatch(/seed 00\d_|docs\/domain\.md/);
  });

  it('names lists by their list name and recognises only those names', () => {
    expect(isCodeListName('INTERVENTION_TYPE')).toBe(true);
    expect(isCodeListName('intervention_type')).toBe(false);
    expect(isCodeListName('NOPE')).toBe(false);
    expect(() => getCodeList('NOPE' as CodeListName)).toThrow('Unknown code list');
  });

  describe('interventions (seed 003 §3.9)', () => {
    it('has the nine groups 3.9.1–3.9.9, and every type is in one of them', () => {
      const groups = codesOf('INTERVENTION_GROUP');
      expect(groups).toEqual(['3.9.1', '3.9.2', '3.9.3', '3.9.4', '3.9.5', '3.9.6', '3.9.7', '3.9.8', '3.9.9']);
      for (const e of getCodeList('INTERVENTION_TYPE').entries) expect(groups).toContain(e.group);
    });

    it('has every intervention type of the seed, counted per group', () => {
      // Counted in seed 003_81ea9130f5f3c1a8.txt, one per type bullet:
      const expected: Record<string, number> = {
        '3.9.1': 5, // §3.9.1: affidamento familiare and parentale, each consensuale/giudiziale (4), affiancamento familiare
        '3.9.2': 4, // §3.9.2: adozione nazionale, internazionale, affidamento a rischio giuridico, adozione in casi particolari
        '3.9.3': 6, // §3.9.3: economici continuativi, straordinari, prestito sull'onore, disagio abitativo, RES, REI
        '3.9.4': 4, // §3.9.4: pagamento borsa lavoro/formazione, pagamento tempo libero, retta affido, retta struttura
        '3.9.5': 12, // §3.9.5: segretariato, servizi professionali, 6 istruttorie (alloggi, amministrativa, civile, art. 31, non residenti, penale), 3 esecuzioni, segnalazione AG
        '3.9.6': 14, // §3.9.6: 13 kinds of inserimento in comunità + ricerca inserimento in struttura
        '3.9.7': 6, // §3.9.7: educativo individuale, domiciliare, formazione scolastica, inserimento scolastico, sostegno socio-educativo, tempo libero
        '3.9.8': 7, // §3.9.8: figli contesi, minori nubendi, sostegno relazioni, I.V.G., 2 incontri protetti, assistenza domiciliare
        '3.9.9': 2, // §3.9.9: borsa lavoro, varie
      };
      const counted: Record<string, number> = {};
      for (const e of getCodeList('INTERVENTION_TYPE').entries) counted[e.group ?? ''] = (counted[e.group ?? ''] ?? 0) + 1;
      expect(counted).toEqual(expected);
      expect(getCodeList('INTERVENTION_TYPE').entries).toHaveLength(60);
    });

    it('marks the structure placements: the 3.9.6 types except the search for a structure', () => {
      const placements = withAttribute('INTERVENTION_TYPE', 'structurePlacement');
      const group6 = getCodeList('INTERVENTION_TYPE').entries.filter((e) => e.group === '3.9.6').map((e) => e.code);
      expect(placements).toEqual(group6.filter((c) => c !== 'STRUCTURE_SEARCH'));
      expect(withAttribute('INTERVENTION_TYPE', 'residential', false)).toEqual(['SEMI_RESIDENTIAL_EDUCATIONAL', 'SEMI_RESIDENTIAL_INTEGRATED', 'DISABILITY_DAY_CENTRE']);
    });

    it('marks the emergency placement and its limits (2 months, 6 for unaccompanied minors)', () => {
      expect(withAttribute('INTERVENTION_TYPE', 'emergency')).toEqual(['EMERGENCY_PLACEMENT']);
      expect(findCode('INTERVENTION_TYPE', 'EMERGENCY_PLACEMENT')?.attributes).toMatchObject({ structurePlacement: true, maxMonths: 2, maxMonthsUnaccompanied: 6 });
      expect(findCode('PLACEMENT_KIND', 'EMERGENCY')?.attributes).toMatchObject({ emergency: true, maxMonths: 2, maxMonthsUnaccompanied: 6 });
    });

    it('marks foster care (not affiancamento familiare) and mother-and-child placements', () => {
      expect(withAttribute('INTERVENTION_TYPE', 'fosterCare')).toEqual([
        'FAMILY_FOSTER_CARE_CONSENSUAL',
        'FAMILY_FOSTER_CARE_JUDICIAL',
        'KINSHIP_FOSTER_CARE_CONSENSUAL',
        'KINSHIP_FOSTER_CARE_JUDICIAL',
        'LEGAL_RISK_FOSTER_ADOPTION',
      ]);
      expect(findCode('INTERVENTION_TYPE', 'FAMILY_TO_FAMILY_SUPPORT')?.attributes?.fosterCare).toBe(false);
      expect(withAttribute('INTERVENTION_TYPE', 'motherAndChild')).toEqual(['WOMEN_SHELTER_WITH_CHILDREN', 'MOTHER_AND_CHILD_COMMUNITY']);
    });

    it('implies only LEGAL_BASIS codes', () => {
      for (const e of getCodeList('INTERVENTION_TYPE').entries) {
        const basis = e.attributes?.legalBasis;
        if (basis !== undefined) expect(isValidCode('LEGAL_BASIS', String(basis))).toBe(true);
      }
    });
  });

  describe('problems (seed 003 §3.4, §3.5, §3.8, §3.11)', () => {
    it('has every value of the seed lists', () => {
      expect(codesOf('MINOR_PROBLEM')).toHaveLength(23); // §3.5: 22 problems + 98 "ricavabile"
      expect(codesOf('FAMILY_PROBLEM')).toHaveLength(13); // §3.8
      expect(codesOf('VIOLENCE_TYPE')).toHaveLength(8); // §3.11
      expect(codesOf('CASE_CLOSURE_REASON')).toHaveLength(6); // §3.2
      expect(codesOf('CO_MANAGEMENT_REASON')).toHaveLength(3); // §3.2 items 1–3
    });

    it('requires health data for the disabilities, and health or additional data for 98', () => {
      expect(withAttribute('MINOR_PROBLEM', 'disability')).toEqual(['PHYSICAL_DISABILITY', 'MENTAL_DISABILITY', 'VISUAL_DISABILITY', 'MULTIPLE_DISABILITY', 'HEARING_DISABILITY']);
      for (const code of withAttribute('MINOR_PROBLEM', 'disability')) {
        expect(findCode('MINOR_PROBLEM', code)?.attributes).toMatchObject({ requiresHealthData: true, health: true });
      }
      expect(findCode('MINOR_PROBLEM', '98')?.attributes).toEqual({ requiresHealthOrAdditionalData: true });
    });

    it('requires the violence record for the victims of violence', () => {
      expect(withAttribute('MINOR_PROBLEM', 'requiresViolenceRecord')).toEqual(['SUSPECTED_VIOLENCE_VICTIM', 'CONFIRMED_VIOLENCE_VICTIM']);
      expect(withAttribute('MINOR_PROBLEM', 'violenceRecordMandatory')).toEqual(['CONFIRMED_VIOLENCE_VICTIM']);
    });

    it('points co-management reasons at existing problems and intervention attributes', () => {
      for (const e of getCodeList('CO_MANAGEMENT_REASON').entries) {
        const problem = e.attributes?.minorProblem;
        const attribute = e.attributes?.interventionAttribute;
        if (problem !== undefined) expect(isValidCode('MINOR_PROBLEM', String(problem))).toBe(true);
        if (attribute !== undefined) expect(withAttribute('INTERVENTION_TYPE', String(attribute)).length).toBeGreaterThan(0);
      }
    });
  });

  describe('structures (seed 002, seed 003 §3.9.6)', () => {
    it('ACT_KIND is exactly the seven kinds of act', () => {
      expect(codesOf('ACT_KIND')).toEqual(['AUTHORISATION', 'ACCREDITATION', 'WARNING', 'SUSPENSION', 'REVOCATION', 'CLOSURE', 'REACTIVATION']);
    });

    it('crosswalks every structure type to ISTAT, a target and a 3.9.6 placement type', () => {
      const placements = withAttribute('INTERVENTION_TYPE', 'structurePlacement');
      for (const e of getCodeList('STRUCTURE_TYPE').entries) {
        expect(typeof e.attributes?.istatClass).toBe('string');
        expect(isValidCode('STRUCTURE_TARGET', String(e.attributes?.target))).toBe(true);
        expect(placements).toContain(e.attributes?.sisamIntervention);
      }
      expect(withAttribute('STRUCTURE_TYPE', 'emergency')).toEqual(['CPAM']);
      expect(withAttribute('STRUCTURE_TYPE', 'motherAndChild')).toEqual(['CABG', 'CRF']);
    });

    it('keeps the codes the demo data and the database constraints use', () => {
      expect(codesOf('STRUCTURE_TYPE')).toEqual(expect.arrayContaining(['CEM', 'CFM']));
      // ASMI migration placement_kind_check allows exactly these kinds.
      expect(codesOf('PLACEMENT_KIND')).toEqual(['ORDINARY', 'EMERGENCY', 'MOTHER_AND_CHILD', 'SEMI_AUTONOMY']);
      expect(codesOf('DISCHARGE_OUTCOME')).toEqual(
        expect.arrayContaining(['RETURN_TO_FAMILY', 'FOSTER_CARE', 'OTHER_STRUCTURE', 'ADOPTION', 'AUTONOMY', 'COMING_OF_AGE', 'UNAUTHORISED_DEPARTURE', 'REPATRIATION', 'OTHER']),
      );
      expect(codesOf('INSPECTION_AUTHORITY')).toEqual(['MUNICIPALITY', 'ASL', 'NAS', 'REGION']);
      expect(codesOf('LEGAL_BASIS')).toEqual(['CONSENSUAL', 'COURT_ORDER', 'URGENT_ART_403']);
    });
  });

  describe('validity dates', () => {
    it('findCode respects validFrom: the REI exists from 1/12/2017 (seed 003 §3.9.3)', () => {
      expect(findCode('INTERVENTION_TYPE', 'INCLUSION_INCOME')?.validFrom).toBe('2017-12-01');
      expect(findCode('INTERVENTION_TYPE', 'INCLUSION_INCOME')).toBeDefined();
      expect(findCode('INTERVENTION_TYPE', 'INCLUSION_INCOME', '2017-11-30')).toBeUndefined();
      expect(findCode('INTERVENTION_TYPE', 'INCLUSION_INCOME', '2017-12-01')).toBeDefined();
      expect(isValidCode('INTERVENTION_TYPE', 'INCLUSION_INCOME', '2017-11-30')).toBe(false);
      expect(isValidCode('INTERVENTION_TYPE', 'INCLUSION_INCOME', '2024-01-01')).toBe(true);
    });

    it('treats validFrom and validTo as inclusive', () => {
      const retired: CodeEntry = { code: 'X', label: 'x', validFrom: '2020-01-01', validTo: '2020-12-31' };
      expect(isEntryValidOn(retired, '2019-12-31')).toBe(false);
      expect(isEntryValidOn(retired, '2020-01-01')).toBe(true);
      expect(isEntryValidOn(retired, '2020-12-31')).toBe(true);
      expect(isEntryValidOn(retired, '2021-01-01')).toBe(false);
      expect(isEntryValidOn({ code: 'Y', label: 'y' }, '1900-01-01')).toBe(true);
    });

    it('knows no unknown code, on any date', () => {
      expect(findCode('ACT_KIND', 'NOPE')).toBeUndefined();
      expect(isValidCode('ACT_KIND', 'NOPE', '2024-01-01')).toBe(false);
      expect(isValidCode('ACT_KIND', 'AUTHORISATION', '2024-01-01')).toBe(true);
    });

    it('ships well-formed validity dates', () => {
      for (const list of codeLists.values()) {
        for (const e of list.entries) {
          for (const d of [e.validFrom, e.validTo]) if (d !== undefined) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (e.validFrom !== undefined && e.validTo !== undefined) expect(e.validFrom <= e.validTo).toBe(true);
        }
      }
    });
  });
});

describe('COUNTRY: ISTAT codes of countries (issue 18 item 6)', () => {
  it('holds the ISTAT codes, not ISO or cadastral ones', () => {
    const name = (code: string) => findCode('COUNTRY', code)?.label;
    expect([name('100'), name('201'), name('215'), name('216'), name('219'), name('235')]).toEqual(['Italia', 'Albania', 'Francia', 'Germania', 'Regno Unito', 'Romania']);
    expect([name('404'), name('419'), name('436'), name('460')]).toEqual(["Costa d'Avorio", 'Egitto', 'Marocco', 'Tunisia']);
    for (const e of getCodeList('COUNTRY').entries) expect(e.code).toMatch(/^\d{3}$/);
    expect(findCode('COUNTRY', '910')?.attributes).toEqual({ territory: true });
  });

  it('agrees with the demo generator\'s countries of citizenship (code and name)', async () => {
    const { COUNTRIES } = await import('../../../infra/generate/places');
    for (const c of COUNTRIES) expect([c.istat, findCode('COUNTRY', c.istat)?.label]).toEqual([c.istat, c.name]);
  });
});
