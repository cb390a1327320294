import { Client } from 'pg';
import type { HubConfig } from '@shared/config';
import { addDays, todayInRome } from '@shared/time';
import { recomputeQualityFlagsFor } from '../../subgraphs/asmi/src/reporting/recomputeQualityFlags';
import { signDevToken } from '../token';
import { makeFiscalCode } from './fiscalCodes';
import { loadDemoRegion } from './region';

/**
 * The demo data of `npm start`, into an empty database: first the demo
 * region (infra/demo/region.ts: a generated region, three years or more, with
 * interventions, placements, acts with their PDFs, absences, in SQL) and
 * its data-quality flags (ASMI's daily rewrite), then the named people the
 * README uses, loaded through the gateway's public API (so every rule
 * applies): two structures in the
 * province of Rome (058), three minors of the social service S-RM-01 with
 * open cases, two of them placed in RM-C001 (each on a placement request of
 * the service, docs/privacy.md §3a), the third waiting: the service has asked
 * RM-C002 to take him in (a PENDING request in that structure's inbox). Names
 * are invented. A fourth minor, admitted to RM-C002 by the structure with no
 * case in any service, shows the data-quality flag NO_OPEN_CASE.
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
    { letters: 'RSSMRA', firstName: 'Mario', lastName: 'Rossi', birthDate: '2015-03-02', sex: 'M' as const, placedIn: 'RM-C001', requestedTo: null },
    { letters: 'BNCGLI', firstName: 'Giulia', lastName: 'Bianchi', birthDate: '2010-07-02', sex: 'F' as const, placedIn: 'RM-C001', requestedTo: null },
    { letters: 'VRDLCU', firstName: 'Luca', lastName: 'Verdi', birthDate: '2015-11-23', sex: 'M' as const, placedIn: null, requestedTo: 'RM-C002' },
  ],
  /** Admitted to RM-C002 by the structure, with no case in SINBA (data-quality flag NO_OPEN_CASE). */
  withoutCase: { letters: 'NRESRA', firstName: 'Sara', lastName: 'Neri', birthDate: '2013-05-20', sex: 'F' as const },
} as const;

async function gql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) throw new Error(`demo data: ${body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? res.status}`);
  return body.data;
}

export async function loadDemoDataIfEmpty(adminUrl: string, gatewayUrl: string, config: HubConfig): Promise<{ structures: number; minors: number; region: { minors: number; structures: number; placements: number } } | null> {
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
  const region = await loadDemoRegion(adminUrl);
  // The region went in by SQL, behind the API, and queued its thousands of placements for ASMI's stored data-quality
  // flags. Computed now, as the daily job does (a batch, module-to-module with its own timeout); otherwise the first
  // write below that asks ASMI to refresh (ASSO's recordAct) would rewrite the whole region inside one request and,
  // on a loaded machine, outlast the gateway's subgraph timeout (UPSTREAM_UNAVAILABLE).
  await recomputeQualityFlagsFor(config);
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
    const { openCase } = await gql<{ openCase: { id: string } }>(gatewayUrl, worker, 'mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId: registerMinor.id, startDate: startOfYear } });
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
        // the social service records the placement as an intervention (seed 003 §3.9.6): the README's History example shows it
        await gql(gatewayUrl, worker, 'mutation AddIntervention($input: AddInterventionInput!) { addIntervention(input: $input) { id } }', {
          input: { caseId: openCase.id, type: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY', startDate: admissionDate, structureCode: m.placedIn },
        });
      }
    }
  }
  // A minor RM-C002 admitted 60 days ago whom no social service has a case for yet: the data-quality flag
  // NO_OPEN_CASE (README "Structures: the prosecutor list and data-quality flags").
  const operator2 = signDevToken({ role: 'STRUCTURE_OPERATOR', sub: 'demo-operator-RM-C002', structure: 'RM-C002' }, secret);
  const noCase = DEMO.withoutCase;
  const { registerMinor: unfollowed } = await gql<{ registerMinor: { id: string } }>(gatewayUrl, operator2, 'mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
    input: { fiscalCode: makeFiscalCode(noCase.letters, noCase.birthDate, noCase.sex), firstName: noCase.firstName, lastName: noCase.lastName, birthDate: noCase.birthDate, sex: noCase.sex, citizenship: '100' },
  });
  await gql(gatewayUrl, operator2, 'mutation Admit($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
    input: { minorId: unfollowed.id, structureCode: 'RM-C002', admissionDate: addDays(todayInRome(), -60), kind: 'ORDINARY', legalBasis: 'CONSENSUAL' },
  });
  return { structures: DEMO.structures.length, minors: DEMO.minors.length + 1, region };
}
