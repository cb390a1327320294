import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureGraphiql } from '../../infra/webClient';
import { registerActiveStructure } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

/*
 * The development GraphQL IDE (issue 19) in a real browser: GraphiQL bundled
 * from npm (web/graphiql), served by the gateway of a development hub at
 * /graphiql, reached from a browser's GET /graphql; a query typed in its
 * editor with a supervisor's token in the token field runs through the
 * gateway and shows the data. Field suggestions are on in development.
 * Production (404) is covered by gateway/routes/__tests__/graphiql.test.ts.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
jest.setTimeout(300_000);

let hub: TestHub;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium", or set CHROMIUM_PATH.`);
  await ensureGraphiql({ quiet: true });
  hub = await startTestHub();
  base = hub.url.replace(/\/graphql$/, '');
  await registerActiveStructure(hub, 'IDE-C01', { name: 'Comunità Il Faro IDE' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('GraphQL IDE in development', () => {
  it('is what a browser gets at /graphql, and runs a query with the token of the token field', async () => {
    await page.goto(`${base}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor();
    // example operations per role, one tab each
    await expect(page.locator('.graphiql-tab').count()).resolves.toBeGreaterThanOrEqual(5);

    await page.getByLabel('Token').fill(hub.token({ role: 'SUPERVISOR', sub: 'ide-sup', territory: '058' }));
    await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('query Registry { structure(code: "IDE-C01") { code name status } }')`);
    // GraphiQL reads the operation's name from the editor after a short debounce, as when typing
    await page.waitForTimeout(1500);
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .CodeMirror');
    await page.waitForFunction(`document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.getValue().includes('Il Faro')`);
    const text = (await response.evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue())) as string;
    const body = JSON.parse(text) as { data: { structure: { code: string; name: string; status: string } } };
    expect(body.data.structure).toEqual({ code: 'IDE-C01', name: 'Comunità Il Faro IDE', status: 'ACTIVE' });
  });

  it('suggests field names in development', async () => {
    const res = await hub.gql(undefined, '{ codes(list: "PLACEMENT_KIND") { cod } }');
    expect(res.errors?.[0].message).toMatch(/Did you mean "code"/);
  });
});
