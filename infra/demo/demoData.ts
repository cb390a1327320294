import { Client } from 'pg';
import type { HubConfig } from '../../shared/config/config';
import { signDevToken } from '../token';
import { makeFiscalCode } from './fiscalCodes';

/**
 * A small, deterministic demo data set, loaded through the gateway's public
 * API (so every rule applies) into an empty database: two structures in the
 * province of Rome (058), three minors of the social service S-RM-01 with
 * open cases, two of them placed in RM-C001 (each on a placement request of
 * the service, docs/privacy.md §3a), the third waiting: the service has asked
 * RM-C002 to take him in (a PENDING request in that structure's inbox). Names
 * are invented.
 */
export const DEMO = {
  serviceId: 'S-RM-01',
  territory: ['058'],
  structures: [
    // municipality: ISTAT code of Roma (058091, code list MUNICIPALITY); healthAuthority: one of the province's ASLs (HEALTH_AUTHORITY)
    { code: 'RM-C001', type: 'CEM', name: 'Comunità educativa Il Girasole', municipality: '058091', healthAuthority: 'ROMA_1', gender: 'MIXED', target: 'GENERAL', phone: '06 0000001', publicEmail: 'girasole@demo.example.org', capacity: 8, emergencyCapacity: 2, minAge: 6, maxAge: 17 },
    { code: 'RM-C002', type: 'CFM', name: 'Casa famiglia Arcobaleno', municipality: '058091', healthAuthority: 'ROMA_2', gender: 'MIXED', target: 'GENERAL', phone: '06 0000002', publicEmail: 'arcobaleno@demo.example.org', capacity: 6, emergencyCapacity: 0, minAge: 0, maxAge: 17 },
  ],
  minors: [
    { letters: 'RSSMRA', firstName: 'Mario', lastName: 'Rossi', birthDate: '2012-03-14', sex: 'M' as const, placedIn: 'RM-C001', requestedTo: null },
    { letters: 'BNCGLI', firstName: 'Giulia', lastName: 'Bianchi', birthDate: '2010-07-02', sex: 'F' as const, placedIn: 'RM-C001', requestedTo: null },
    { letters: 'VRDLCU', firstName: 'Luca', lastName: 'Verdi', birthDate: '2015-11-23', sex: 'M' as const, placedIn: null, requestedTo: 'RM-C002' },
  ],
} as const;

async function gql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) throw new Error(`demo data: ${body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? res.status}`);
  return body.data;
}

export async function loadDemoDataIfEmpty(adminUrl: string, gatewayUrl: string, config: HubConfig): Promise<{ structures: number; minors: number } | null> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  let empty: boolean;
  try {
    const r = await admin.query<{ n: string }>('SELECT (SELECT count(*) FROM asso.structure) + (SELECT count(*) FROM sinba.minor) AS n');
    empty = Number(r.rows[0].n) === 0;
  } finally {
    await admin.end();
  }
  if (!empty) return null;
  const secret = config.jwt.secret;
  const supervisor = signDevToken({ role: 'SUPERVISOR', sub: 'demo-supervisor', territory: DEMO.territory.join(',') }, secret);
  const worker = signDevToken({ role: 'SOCIAL_WORKER', sub: 'demo-social-worker', service: DEMO.serviceId }, secret);
  const startOfYear = `${new Date().getUTCFullYear() - 1}-01-15`;

  for (const s of DEMO.structures) {
    await gql(gatewayUrl, supervisor, 'mutation RegisterStructure($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
      input: { ...s, address: 'Via dei Demo 1, Roma', managingEntity: 'Cooperativa Sociale Demo' },
    });
    await gql(gatewayUrl, supervisor, 'mutation RecordAct($input: RecordActInput!) { recordAct(input: $input) { id } }', {
      input: { structureCode: s.code, kind: 'AUTHORISATION', number: `DD-${s.code}`, date: '2020-01-10', validFrom: '2020-01-10', issuingBody: 'Roma Capitale' },
    });
  }
  for (const m of DEMO.minors) {
    const { registerMinor } = await gql<{ registerMinor: { id: string } }>(gatewayUrl, worker, 'mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: makeFiscalCode(m.letters, m.birthDate, m.sex), firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate, sex: m.sex, citizenship: '100', birthMunicipality: '058091', residenceMunicipality: '058091' },
    });
    await gql(gatewayUrl, worker, 'mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId: registerMinor.id, startDate: startOfYear } });
    const admissionDate = `${new Date().getUTCFullYear() - 1}-02-01`;
    const requestTo = m.placedIn ?? m.requestedTo;
    if (requestTo) {
      // The service holding the case asks the structure (docs/privacy.md §3a).
      const { requestPlacement } = await gql<{ requestPlacement: { id: string } }>(gatewayUrl, worker, 'mutation RequestPlacement($input: RequestPlacementInput!) { requestPlacement(input: $input) { id } }', {
        input: { minorId: registerMinor.id, structureCode: requestTo, requestedAdmissionDate: m.placedIn ? admissionDate : new Date().toISOString().slice(0, 10), kind: 'ORDINARY', legalBasis: 'CONSENSUAL', note: m.placedIn ? null : 'Rientro in famiglia non possibile a breve; chiediamo accoglienza.' },
      });
      if (m.placedIn) {
        const operator = signDevToken({ role: 'STRUCTURE_OPERATOR', sub: `demo-operator-${m.placedIn}`, structure: m.placedIn }, secret);
        await gql(gatewayUrl, operator, 'mutation Admit($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
          input: { minorId: registerMinor.id, structureCode: m.placedIn, admissionDate, kind: 'ORDINARY', referringService: DEMO.serviceId, legalBasis: 'CONSENSUAL', requestId: requestPlacement.id },
        });
      }
    }
  }
  return { structures: DEMO.structures.length, minors: DEMO.minors.length };
}
