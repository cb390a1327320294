import { makeFiscalCode } from '../../infra/demo/fiscalCodes';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors } from '../support/fixtures';

/**
 * Issue 18 item 6 through the gateway: the birth place written in the fiscal
 * code (cadastral code) must be the birth municipality declared, so a Palermo
 * code is no longer accepted with Rome; nothing is stored when refused. The
 * web client's municipality picker shows names and sends these ISTAT codes,
 * and `codes(list: "MUNICIPALITY")` gives it the cadastral codes to prefill.
 */
const REGISTER = 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
const LOOKUP = 'query L($fc: String!) { minorByFiscalCode(fiscalCode: $fc) { minorId } }';

describe('birth municipality against the fiscal code (issue 18)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ clock: () => '2024-06-15' });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses a Palermo-born code with Rome (BAD_USER_INPUT on birthMunicipality), accepts it with Palermo', async () => {
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-bp', structure: 'BP-01' });
    const fiscalCode = makeFiscalCode('PLRMNA', '2012-05-10', 'F', 'G273');
    const input = { fiscalCode, firstName: 'Anna', lastName: 'Palermo', birthDate: '2012-05-10', sex: 'F', citizenship: '100', birthMunicipality: '058091' };
    const refused = await hub.gql(op, REGISTER, { input });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthMunicipality', mismatch: ['birthMunicipality'] });
    const none = await hub.gql<{ minorByFiscalCode: unknown }>(op, LOOKUP, { fc: fiscalCode });
    expectNoErrors(none);
    expect(none.data!.minorByFiscalCode).toBeNull();

    const accepted = await hub.gql<{ registerMinor: { id: string } }>(op, REGISTER, { input: { ...input, birthMunicipality: '082053' } });
    expectNoErrors(accepted);
    expect(accepted.data!.registerMinor.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the cadastral code of each municipality with the code list (public)', async () => {
    const r = await hub.gql<{ codes: { code: string; label: string; cadastralCode: string | null }[] }>(undefined, '{ codes(list: "MUNICIPALITY") { code label cadastralCode } }');
    expectNoErrors(r);
    expect(r.data!.codes.find((c) => c.code === '082053')).toEqual({ code: '082053', label: 'Palermo', cadastralCode: 'G273' });
    const kinds = await hub.gql<{ codes: { cadastralCode: string | null }[] }>(undefined, '{ codes(list: "PLACEMENT_KIND") { cadastralCode } }');
    expect(kinds.data!.codes.every((c) => c.cadastralCode === null)).toBe(true);
  });
});
