import { makeFiscalCode } from '../../infra/demo/fiscalCodes';
import type { TestHub } from './startHub';

let seq = 0;
const LETTERS = 'BCDFGHLMNPRSTVZ';

/** A unique valid fiscal code for a synthetic minor (deterministic within a run). */
export function nextFiscalCode(birthDate: string, sex: 'M' | 'F'): string {
  seq += 1;
  let n = seq + process.pid * 1000;
  let letters = '';
  for (let i = 0; i < 6; i++) {
    letters += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  }
  return makeFiscalCode(letters, birthDate, sex);
}

export function expectNoErrors(res: { errors?: unknown[]; text: string }): void {
  if (res.errors?.length) throw new Error(`unexpected errors: ${res.text}`);
}

export async function firstCode(hub: TestHub, list: string, predicate: (c: { code: string; group: string | null }) => boolean = () => true): Promise<string> {
  const res = await hub.gql<{ codes: { code: string; group: string | null }[] }>(undefined, 'query($list: String!) { codes(list: $list) { code group } }', { list });
  expectNoErrors(res);
  const found = res.data!.codes.find(predicate);
  if (!found) throw new Error(`no code in ${list}`);
  return found.code;
}

/** A supervisor registers a structure in province 058 and authorises it from 2020-01-01. */
export async function registerActiveStructure(hub: TestHub, code: string, input: Record<string, unknown> = {}): Promise<void> {
  const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-e2e', territory: '058' });
  const type = await firstCode(hub, 'STRUCTURE_TYPE');
  const reg = await hub.gql(sup, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
    input: { code, name: `Comunità ${code}`, type, municipality: '058091', capacity: 10, emergencyCapacity: 2, minAge: 0, maxAge: 17, ...input },
  });
  expectNoErrors(reg);
  const act = await hub.gql(sup, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id } }', {
    input: { structureCode: code, kind: 'AUTHORISATION', number: `AUT-${code}`, date: '2020-01-01', validFrom: '2020-01-01' },
  });
  expectNoErrors(act);
}

/** A social worker of `serviceId` registers a minor and opens a case; returns the minor id. */
export async function registerMinorWithCase(hub: TestHub, serviceId: string, person: { firstName?: string; lastName?: string; birthDate?: string; sex?: 'M' | 'F' } = {}): Promise<{ minorId: string; caseId: string; fiscalCode: string }> {
  const sw = hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${serviceId}`, service: serviceId });
  const birthDate = person.birthDate ?? '2012-05-10';
  const sex = person.sex ?? 'F';
  const fiscalCode = nextFiscalCode(birthDate, sex);
  const reg = await hub.gql<{ registerMinor: { id: string } }>(sw, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
    input: { fiscalCode, firstName: person.firstName ?? 'Anna', lastName: person.lastName ?? 'Esempio', birthDate, sex, citizenship: '100' },
  });
  expectNoErrors(reg);
  const minorId = reg.data!.registerMinor.id;
  const open = await hub.gql<{ openCase: { id: string } }>(sw, 'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId, startDate: '2021-01-01' } });
  expectNoErrors(open);
  return { minorId, caseId: open.data!.openCase.id, fiscalCode };
}

/**
 * The case-holding service asks a structure to take the minor in (docs/privacy.md §3a); returns the request id.
 * The structure then admits with `requestId` (admitMinor), as the rule asks for a minor with an open case.
 */
export async function requestPlacement(hub: TestHub, serviceId: string, minorId: string, structureCode: string, input: Record<string, unknown> = {}): Promise<string> {
  const sw = hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${serviceId}`, service: serviceId });
  const res = await hub.gql<{ requestPlacement: { id: string } }>(sw, 'mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { id } }', {
    input: { minorId, structureCode, requestedAdmissionDate: '2021-01-01', kind: 'ORDINARY', ...input },
  });
  expectNoErrors(res);
  return res.data!.requestPlacement.id;
}

/** Poll `probe` until it returns a value (the notification dispatcher runs in the background). */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, stepMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as T;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
