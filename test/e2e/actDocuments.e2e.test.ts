import { createHash } from 'node:crypto';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { registerActiveStructure } from '../support/fixtures';

describe('act documents through the gateway (seed 002)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'DOC-1');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('uploads a PDF through GraphQL and serves it back, byte for byte, at /documents/acts/:id', async () => {
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' });
    const acts = await hub.gql<{ structure: { acts: { id: string }[] } }>(undefined, '{ structure(code: "DOC-1") { acts { id } } }');
    const actId = covers<{ acts: { id: string }[] }>('Query.structure', 'ANONYMOUS', acts).acts[0].id;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 7), Buffer.from('\n%%EOF\n')]);
    const up = await hub.gql(sup, 'mutation($input: RecordActDocumentInput!) { recordActDocument(input: $input) { filename sizeBytes sha256 } }', {
      input: { actId, filename: 'autorizzazione.pdf', contentBase64: pdf.toString('base64') },
    });
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(covers('Mutation.recordActDocument', 'SUPERVISOR', up)).toEqual({ filename: 'autorizzazione.pdf', sizeBytes: pdf.length, sha256: sha });

    const res = await fetch(hub.url.replace(/\/graphql$/, `/documents/acts/${actId}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);

    const missing = await fetch(hub.url.replace(/\/graphql$/, '/documents/acts/00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
    const badToken = await fetch(hub.url.replace(/\/graphql$/, `/documents/acts/${actId}`), { headers: { authorization: 'Bearer nope' } });
    expect(badToken.status).toBe(401);
  });

  it('refuses a file that is not a PDF and stores nothing', async () => {
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' });
    const acts = await hub.gql<{ structure: { acts: { id: string; document: { version: number } | null }[] } }>(undefined, '{ structure(code: "DOC-1") { acts { id document { version } } } }');
    const act = acts.data!.structure.acts[0];
    const res = await hub.gql(sup, 'mutation($input: RecordActDocumentInput!) { recordActDocument(input: $input) { sha256 } }', {
      input: { actId: act.id, filename: 'x.pdf', contentBase64: Buffer.from('GIF89a not a pdf').toString('base64') },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await hub.gql<{ structure: { acts: { document: { version: number } | null }[] } }>(undefined, '{ structure(code: "DOC-1") { acts { document { version } } } }');
    expect(after.data!.structure.acts[0].document).toEqual(act.document);
  });
});
