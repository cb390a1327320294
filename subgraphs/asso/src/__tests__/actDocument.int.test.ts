import { createHash } from 'node:crypto';
import pino from 'pino';
import { getCodeList } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { ACT_DOCUMENT_MAX_BYTES } from '../rules/actDocument';
import { startAsso } from '../server';

// seed 002 Allegato A §a point b: acts are kept with their document.
const logger = pino({ level: 'silent' });
const TODAY = '2024-06-15';
const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-rm', territory: ['058'] };
const SUP_OTHER: Principal = { role: 'SUPERVISOR', sub: 'sup-lt', territory: ['059'] };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };

const UPLOAD = 'mutation U($input: RecordActDocumentInput!) { recordActDocument(input: $input) { filename sizeBytes sha256 uploadedAt version } }';
const DOWNLOAD = 'query D($id: ID!) { actDocument(actId: $id) { filename sizeBytes sha256 contentBase64 } }';

let db: TestDatabase;
let handle: ModuleHandle;
let actId: string;
let seq = 0;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'asso', internalSecret: db.config.internalSecret }, principal, query, variables);
}
function pdf(body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body]);
}
async function count(table: string): Promise<number> {
  const rows = (await handle.dataSource.query(`SELECT count(*)::int AS n FROM asso.${table}`)) as { n: number }[];
  return rows[0].n;
}
async function newAct(municipality = '058091'): Promise<string> {
  seq += 1;
  const code = `DOC-${seq}`;
  const type = getCodeList('STRUCTURE_TYPE').entries.filter((e) => !e.validTo || e.validTo >= TODAY)[0].code;
  const sup = municipality.startsWith('058') ? SUP : SUP_OTHER;
  const reg = await call(sup, 'mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
    input: { code, name: 'Comunità', type, municipality, capacity: 6 },
  });
  expect(reg.errors).toBeUndefined();
  const act = await call(sup, 'mutation A($input: RecordActInput!) { recordAct(input: $input) { id } }', {
    input: { structureCode: code, kind: 'AUTHORISATION', number: `N-${seq}`, date: '2024-01-10', validFrom: '2024-01-10' },
  });
  expect(act.errors).toBeUndefined();
  return act.data!.recordAct.id as string;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => TODAY });
  actId = await newAct();
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('recordActDocument / actDocument', () => {
  it('uploads a PDF and downloads it back unchanged (sha256 matches), publicly', async () => {
    const content = pdf('round trip');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const up = await call(SUP, UPLOAD, { input: { actId, filename: 'decreto.pdf', contentBase64: content.toString('base64') } });
    expect(up.errors).toBeUndefined();
    expect(up.data!.recordActDocument).toMatchObject({ filename: 'decreto.pdf', sizeBytes: content.length, sha256, version: 1 });
    expect(Number.isNaN(Date.parse(up.data!.recordActDocument.uploadedAt))).toBe(false);

    const down = await call(ANONYMOUS, DOWNLOAD, { id: actId });
    expect(down.errors).toBeUndefined();
    const got = Buffer.from(down.data!.actDocument.contentBase64, 'base64');
    expect(createHash('sha256').update(got).digest('hex')).toBe(sha256);
    expect(down.data!.actDocument).toMatchObject({ filename: 'decreto.pdf', sizeBytes: content.length, sha256 });
  });

  it('replaces the document, keeping the previous version in the archive', async () => {
    const before = await count('act_document_archive');
    const up = await call(SUP, UPLOAD, { input: { actId, filename: 'decreto-v2.pdf', contentBase64: pdf('second').toString('base64') } });
    expect(up.errors).toBeUndefined();
    expect(up.data!.recordActDocument).toMatchObject({ filename: 'decreto-v2.pdf', version: 2 });
    expect(await count('act_document_archive')).toBe(before + 1);
    const archived = (await handle.dataSource.query(`SELECT filename, version, archived_by FROM asso.act_document_archive WHERE act_id = $1`, [actId])) as unknown[];
    expect(archived).toEqual([{ filename: 'decreto.pdf', version: 1, archived_by: 'sup-rm' }]);
    const down = await call(ANALYST, DOWNLOAD, { id: actId });
    expect(Buffer.from(down.data!.actDocument.contentBase64, 'base64').toString('latin1')).toBe('%PDF-1.7\nsecond');
  });

  it('answers null for an act without document or an unknown act', async () => {
    const other = await newAct();
    const res = await call(ANONYMOUS, DOWNLOAD, { id: other });
    expect(res.errors).toBeUndefined();
    expect(res.data!.actDocument).toBeNull();
    expect((await call(ANONYMOUS, DOWNLOAD, { id: 'not-a-uuid' })).data!.actDocument).toBeNull();
  });

  it('shows Act.document metadata for many acts in one statement', async () => {
    const codes = (await handle.dataSource.query(`SELECT DISTINCT structure_code AS code FROM asso.act ORDER BY 1`)) as { code: string }[];
    handle.counter.reset();
    const res = await call(ANONYMOUS, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code acts { id document { filename sha256 sizeBytes version } } } } }', {
      r: codes.map((c) => ({ __typename: 'Structure', code: c.code })),
    });
    expect(res.errors).toBeUndefined();
    const acts = (res.data!._entities as { acts: { id: string; document: unknown }[] }[]).flatMap((s) => s.acts);
    expect(acts.length).toBeGreaterThan(1);
    expect(acts.find((a) => a.id === actId)!.document).toMatchObject({ filename: 'decreto-v2.pdf', version: 2 });
    expect(acts.filter((a) => a.document === null).length).toBeGreaterThan(0);
    // structures, acts, documents
    expect(handle.counter.value).toBe(3);
  });
});

describe('recordActDocument refusals (nothing written)', () => {
  let before: { current: number; archive: number };
  beforeEach(async () => {
    before = { current: await count('act_document'), archive: await count('act_document_archive') };
  });
  afterEach(async () => {
    expect(await count('act_document')).toBe(before.current);
    expect(await count('act_document_archive')).toBe(before.archive);
  });
  const input = (overrides: Record<string, unknown> = {}) => ({ actId, filename: 'atto.pdf', contentBase64: pdf('x').toString('base64'), ...overrides });

  it('refuses content that is not a PDF', async () => {
    const res = await call(SUP, UPLOAD, { input: input({ contentBase64: Buffer.from('PK\u0003\u0004 zip').toString('base64') }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64', message: 'The document is not a PDF' });
  });

  it('refuses content that is not base64', async () => {
    const res = await call(SUP, UPLOAD, { input: input({ contentBase64: '%PDF-!!' }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
  });

  it('refuses a document over 10 MiB, naming the maximum', async () => {
    const big = pdf(Buffer.alloc(ACT_DOCUMENT_MAX_BYTES, 0x20));
    const res = await call(SUP, UPLOAD, { input: input({ contentBase64: big.toString('base64') }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64', maxBytes: ACT_DOCUMENT_MAX_BYTES });
  });

  it.each(['atto.docx', '../atto.pdf', 'dir/atto.pdf'])('refuses the file name %j', async (filename) => {
    const res = await call(SUP, UPLOAD, { input: input({ filename }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filename' });
  });

  it('answers NOT_FOUND for an unknown act', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await call(SUP, UPLOAD, { input: input({ actId: id }) });
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', field: 'actId' });
    }
  });

  it('refuses a supervisor outside the territory', async () => {
    expect(errorOf(await call(SUP_OTHER, UPLOAD, { input: input() }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses other roles (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    expect(errorOf(await call(ANALYST, UPLOAD, { input: input() }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await call(ANONYMOUS, UPLOAD, { input: input() }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
