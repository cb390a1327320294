import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebClient } from '../../infra/webClient';
import { addDays, todayInRome } from '@shared/time';
import { expectNoErrors, nextFiscalCode, registerActiveStructure } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

/*
 * The structures' web client (issue 9) in a real browser: the whole hub on
 * free ports serving web/dist, Debian's Chromium driven by playwright-core
 * (no browser download). Each step done in the page is checked through the
 * GraphQL API with the same operator's token. Screenshots of the main screens
 * go to docs/screenshots/ (README "Web client for structures") when
 * UPDATE_SCREENSHOTS=1, else to test/artifacts/screenshots.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/**
 * The README's screenshots are refreshed on demand (`UPDATE_SCREENSHOTS=1 npm run test:browser`);
 * an ordinary run writes them under test/artifacts (git-ignored), so running the tests
 * never leaves the checkout modified.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs', 'screenshots') : path.join(__dirname, '..', 'artifacts', 'screenshots');
const STRUCTURE = 'WEB-C01';

const daysBefore = (date: string, days: number): string => addDays(date, -days);
/** How the client's Italian date field shows and takes a date (issue 18 item 9). */
const itDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// Building the client, starting the hub and Chromium take longer than jest's default 5 s.
jest.setTimeout(300_000);

let hub: TestHub;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** What the page shows when a step fails (added to the failure message). */
async function onFailure<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    const text = await page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`${(err as Error).message}\n--- page ${page.url()} ---\n${text.slice(0, 2000)}`);
  }
}

/** axe-core (a devDependency) in the page: every screen shot is also checked for accessibility violations (issue 18: 0 on every screen). */
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function axe(name: string): Promise<void> {
  // Evaluated, not added as a <script>: the gateway's Content-Security-Policy refuses inline scripts.
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(AXE);
  const violations = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))')) as string[];
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

async function shot(name: string): Promise<void> {
  await axe(name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The operator's token, read from the page's sessionStorage (where the client keeps it). */
async function pageToken(): Promise<string> {
  const token = await page.evaluate('window.sessionStorage.getItem("sirmi.token")');
  if (typeof token !== 'string') throw new Error('no token in sessionStorage');
  return token;
}

/** The text the input's aria-describedby points to (hint, live check, error). */
async function describedBy(locator: ReturnType<Page['getByLabel']>): Promise<string> {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with "apt-get install -y chromium" (Debian), or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await ensureWebClient({ quiet: true });
  hub = await startTestHub();
  base = hub.url.replace(/\/graphql$/, '');
  await registerActiveStructure(hub, STRUCTURE, { name: 'Comunità Casa Aurora', address: 'Via dei Gelsi 12', managingEntity: 'Cooperativa Sociale Il Ponte', capacity: 8, emergencyCapacity: 2, minAge: 6, maxAge: 17 });
  await registerActiveStructure(hub, 'WEB-C02', { name: 'Gruppo appartamento Il Faro' });

  // The act's document, so the registry page links it.
  const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-web', territory: '058' });
  const acts = await hub.gql<{ structure: { acts: { id: string }[] } }>(sup, 'query($c: ID!) { structure(code: $c) { acts { id } } }', { c: STRUCTURE });
  expectNoErrors(acts);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);
  expectNoErrors(await hub.gql(sup, 'mutation($input: RecordActDocumentInput!) { recordActDocument(input: $input) { sha256 } }', { input: { actId: acts.data!.structure.acts[0].id, filename: 'autorizzazione-2020.pdf', contentBase64: pdf.toString('base64') } }));

  // A guest already there: an emergency placement 50 days old, near its 2-month limit (seed 003 §3.9.6).
  const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-web', structure: STRUCTURE });
  const fc = nextFiscalCode('2011-03-04', 'M');
  const reg = await hub.gql<{ registerMinor: { id: string } }>(so, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
    input: { fiscalCode: fc, firstName: 'Luca', lastName: 'Bianchi', birthDate: '2011-03-04', sex: 'M', citizenship: '100' },
  });
  expectNoErrors(reg);
  expectNoErrors(
    await hub.gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId: reg.data!.registerMinor.id, structureCode: STRUCTURE, admissionDate: daysBefore(todayInRome(), 50), kind: 'EMERGENCY', legalBasis: 'URGENT_ART_403' },
    }),
  );

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=it-IT'], env: { ...process.env, LANG: 'it_IT.UTF-8', LANGUAGE: 'it' } });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'it-IT', acceptDownloads: true });
  page = await context.newPage();
  // Generous: the whole suite may run beside these tests on two cores.
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await hub?.stop();
});

describe('web client for structures, in Chromium', () => {
  it('is served by the gateway at / with history fallback, leaving the API routes alone', async () => {
    const index = await fetch(`${base}/placements/whatever`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('<div id="root">');
    expect((await fetch(`${base}/health`)).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${base}/reports/no-such-report`)).status).toBe(404);
    expect((await fetch(`${base}/assets/missing-file.js`)).status).toBe(404);
    const dev = await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'SUPERVISOR', structureCode: STRUCTURE }) });
    expect(dev.status).toBe(403);
  });

  it('signs in as a structure, admits a new minor, lists them, records an activity and discharges them; each step is stored', async () => {
    const today = todayInRome();
    await page.goto(`${base}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Accesso');
    await page.getByLabel(/^Struttura/).selectOption(STRUCTURE);
    await shot('sign-in');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ospiti di oggi' }).waitFor();
    await page.getByRole('link', { name: /Bianchi Luca/ }).waitFor();
    await expect(page.locator('.flag-nearLimit').first().textContent()).resolves.toMatch(/limite dei 2 mesi/);
    // The structure's name in the header, not its code; the page title says the screen (issue 18 item 8).
    await expect(page.getByTestId('signed-in-structure').textContent()).resolves.toBe(`Comunità Casa Aurora (${STRUCTURE})`);
    await expect(page.title()).resolves.toBe('Ospiti di oggi – S.I.R.MI');
    // On a phone the guests are cards: the warnings are there without scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.locator('.flag-nearLimit').first().isVisible()).resolves.toBe(true);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await shot('guests-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
    const token = await pageToken();
    const who = await hub.gql<{ structure: { occupancy: number } }>(token, 'query($c: ID!) { structure(code: $c) { occupancy } }', { c: STRUCTURE });
    expectNoErrors(who);
    expect(who.data!.structure.occupancy).toBe(1);

    // Admit a new minor: look up by fiscal code, register, then the admission form.
    await page.getByRole('link', { name: 'Accogli un minore' }).click();
    const fiscalCode = nextFiscalCode('2013-09-21', 'F');
    await page.getByLabel(/^Codice fiscale/).fill(fiscalCode);
    await page.getByText('Codice fiscale corretto.').waitFor();
    await page.getByRole('button', { name: 'Cerca' }).click();
    const register = page.getByRole('form', { name: /Registra il minore/ });
    await register.waitFor();
    // The steps are in the browser's history: Back shows the look-up again, Forward the registration (issue 18 item 4).
    await page.goBack();
    await page.getByRole('form', { name: /Cerca il minore/ }).waitFor();
    await page.goForward();
    await register.waitFor();
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('step-register');
    await expect(register.getByLabel(/^Data di nascita/).inputValue()).resolves.toBe('21/09/2013');
    await expect(register.getByLabel(/^Sesso/).inputValue()).resolves.toBe('F');
    // Pickers instead of codes (issue 18 item 6): the birth municipality comes from the code (H501, Rome), the residence is searched by name.
    await expect(register.getByRole('combobox', { name: /^Comune di nascita/ }).inputValue()).resolves.toBe('Roma (RM)');
    await expect(register.getByTestId('birthMunicipality-code').textContent()).resolves.toBe('Codice ISTAT: 058091');
    const residence = register.getByRole('combobox', { name: /^Comune di residenza/ });
    await residence.pressSequentially('fiumic');
    await register.getByRole('option', { name: /Fiumicino \(RM\)/ }).waitFor();
    await axe('admit-register-picker');
    await residence.press('Enter');
    await expect(register.getByTestId('residenceMunicipality-code').textContent()).resolves.toBe('Codice ISTAT: 058120');
    await register.getByLabel(/^Cognome/).fill('Verdi');
    await register.getByLabel(/^Nome/).fill('Giulia');
    await shot('admit-register');
    await register.getByRole('button', { name: 'Registra il minore' }).click();
    const admission = page.getByRole('form', { name: /Dati dell’accoglienza/ });
    await admission.waitFor();
    const match = await hub.gql<{ minorByFiscalCode: { minorId: string } | null }>(token, 'query($fc: String!) { minorByFiscalCode(fiscalCode: $fc) { minorId } }', { fc: fiscalCode });
    expectNoErrors(match);
    const minorId = match.data!.minorByFiscalCode!.minorId;
    expect(minorId).toMatch(/^[0-9a-f-]{36}$/);

    await admission.getByLabel(/^Tipo di accoglienza/).selectOption('ORDINARY');
    await admission.getByLabel(/^Servizio inviante/).fill('S-RM-01');
    await admission.getByLabel(/^Base giuridica/).selectOption('CONSENSUAL');
    await shot('admit-admission');
    await admission.getByRole('button', { name: 'Registra l’accoglienza' }).click();
    await onFailure(page.getByRole('heading', { level: 1, name: /Scheda di accoglienza: Verdi Giulia/ }).waitFor());
    await page.getByText('Accoglienza registrata.').waitFor();
    const placementId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    const stored = await hub.gql<{ structure: { placements: { id: string; kind: string; referringService: string; legalBasis: string; admissionDate: string; minor: { id: string; firstName: string } }[] } }>(
      token,
      'query($c: ID!, $d: Date!) { structure(code: $c) { placements(activeOn: $d) { id kind referringService legalBasis admissionDate minor { id firstName } } } }',
      { c: STRUCTURE, d: today },
    );
    expectNoErrors(stored);
    expect(stored.data!.structure.placements.find((p) => p.id === placementId)).toEqual({ id: placementId, kind: 'ORDINARY', referringService: 'S-RM-01', legalBasis: 'CONSENSUAL', admissionDate: today, minor: { id: minorId, firstName: 'Giulia' } });

    // Today's guests lists her, with 0 days in the structure.
    await page.getByRole('link', { name: 'Ospiti di oggi' }).click();
    const row = page.locator(`tr[data-placement-id="${placementId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Verdi Giulia');
    await expect(row.locator('td.num').textContent()).resolves.toBe('0');
    await shot('guests');

    // An activity.
    await row.getByRole('link', { name: /Verdi Giulia/ }).click();
    await page.getByRole('heading', { level: 1, name: /Verdi Giulia/ }).waitFor();
    const activity = page.getByRole('form', { name: 'Registra l’attività' });
    await activity.getByLabel(/^Tipo di attività/).selectOption('SCHOOL');
    await activity.getByLabel(/^Note/).fill('Iscrizione alla scuola media');
    await activity.getByRole('button', { name: 'Registra l’attività' }).click();
    await page.getByTestId('activities').getByText('Iscrizione alla scuola media').waitFor();
    const acts = await hub.gql<{ placement: { activities: { type: string; date: string; notes: string }[] } }>(token, 'query($id: ID!) { placement(id: $id) { activities { type date notes } } }', { id: placementId });
    expectNoErrors(acts);
    expect(acts.data!.placement.activities).toEqual([{ type: 'SCHOOL', date: today, notes: 'Iscrizione alla scuola media' }]);
    await shot('placement');

    // An absence, still open (the guest list then says she is away), then her return.
    const absence = page.getByRole('form', { name: 'Registra l’assenza' });
    await absence.getByLabel(/^Tipo di assenza/).selectOption('AUTHORISED_ABSENCE');
    await absence.getByRole('button', { name: 'Registra l’assenza' }).click();
    const back = page.getByRole('form', { name: 'Registra il rientro' });
    await back.waitFor();
    const away = await hub.gql<{ placement: { absences: { kind: string; startDate: string; endDate: string | null }[] } }>(token, 'query($id: ID!) { placement(id: $id) { absences { kind startDate endDate } } }', { id: placementId });
    expectNoErrors(away);
    expect(away.data!.placement.absences).toEqual([{ kind: 'AUTHORISED_ABSENCE', startDate: today, endDate: null }]);
    await expect(page.locator('.flag-away').textContent()).resolves.toContain('Assente dal');
    await back.getByRole('button', { name: 'Registra il rientro' }).click();
    await back.waitFor({ state: 'detached' });
    const returned = await hub.gql<{ placement: { absences: { endDate: string | null }[] } }>(token, 'query($id: ID!) { placement(id: $id) { absences { endDate } } }', { id: placementId });
    expect(returned.data!.placement.absences).toEqual([{ endDate: today }]);

    // Discharge: first a date before the admission (the hub refuses it, next to the field, form kept), then today.
    const discharge = page.getByRole('form', { name: 'Dimissione' });
    const date = discharge.getByLabel(/^Data di dimissione/);
    await date.fill(itDate(daysBefore(today, 3)));
    await discharge.getByLabel(/^Esito della dimissione/).selectOption('RETURN_TO_FAMILY');
    await discharge.getByRole('button', { name: 'Registra la dimissione' }).click();
    // Check your answers first (issue 18 item 5); the hub is asked only on confirming.
    await expect(discharge.getByTestId('discharge-question').textContent()).resolves.toMatch(/^Confermi la dimissione di Verdi Giulia il \d\d\/\d\d\/\d{4} – esito «Rientro nella famiglia di origine»\?$/);
    await axe('discharge-confirm');
    await discharge.getByRole('button', { name: 'Conferma la dimissione' }).click();
    await discharge.getByRole('alert').waitFor();
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(describedBy(date)).resolves.toMatch(/Date non coerenti/);
    await expect(discharge.getByLabel(/^Esito della dimissione/).inputValue()).resolves.toBe('RETURN_TO_FAMILY');
    await expect(page.evaluate('document.activeElement && document.activeElement.name')).resolves.toBe('dischargeDate');
    const notYet = await hub.gql<{ placement: { dischargeDate: string | null } }>(token, 'query($id: ID!) { placement(id: $id) { dischargeDate } }', { id: placementId });
    expect(notYet.data!.placement.dischargeDate).toBeNull();

    await date.fill(itDate(today));
    await discharge.getByRole('button', { name: 'Registra la dimissione' }).click();
    await shot('discharge-confirm');
    await discharge.getByRole('button', { name: 'Conferma la dimissione' }).click();
    await page.getByTestId('discharge').waitFor();
    await expect(page.getByTestId('success-banner').textContent()).resolves.toBe(`Dimissione registrata: Verdi Giulia è stata dimessa il ${itDate(today)} (Rientro nella famiglia di origine).`);
    await page.getByRole('button', { name: 'Annulla la dimissione' }).waitFor();
    await axe('discharged');
    await expect(page.getByTestId('discharge').textContent()).resolves.toContain('Rientro nella famiglia di origine');
    const done = await hub.gql<{ placement: { dischargeDate: string; dischargeOutcome: string } }>(token, 'query($id: ID!) { placement(id: $id) { dischargeDate dischargeOutcome } }', { id: placementId });
    expectNoErrors(done);
    expect(done.data!.placement).toEqual({ dischargeDate: today, dischargeOutcome: 'RETURN_TO_FAMILY' });

    // No longer among today's guests (the discharge day is not counted, placementRules.activeOn).
    await page.getByRole('link', { name: 'Ospiti di oggi' }).click();
    await page.getByRole('link', { name: /Bianchi Luca/ }).waitFor();
    await expect(page.locator(`tr[data-placement-id="${placementId}"]`).count()).resolves.toBe(0);
  });

  it('shows the occupancy, the registry page with its act document, and the prosecutor list form', async () => {
    await page.getByRole('link', { name: 'Occupazione' }).click();
    await expect(page.getByTestId('occupancy').textContent()).resolves.toMatch(/1\s*\/\s*10/);
    await shot('occupancy');

    await page.getByRole('link', { name: 'La struttura' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comunità Casa Aurora' }).waitFor();
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Attiva');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /autorizzazione-2020\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('autorizzazione-2020.pdf');
    await shot('structure');

    await page.getByRole('link', { name: 'Elenco per la Procura' }).click();
    await page.getByRole('heading', { level: 1, name: 'Elenco semestrale per la Procura' }).waitFor();
    // The download needs the operator's token: the page fetches it and saves the blob.
    const today = todayInRome();
    const half = Number(today.slice(5, 7)) > 6 ? '2' : '1';
    await page.getByLabel(/^Anno/).selectOption(today.slice(0, 4));
    await page.getByLabel(/^Semestre/).selectOption(half);
    await page.getByLabel(/^Formato/).selectOption('pdf');
    const [list] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica l’elenco' }).click()]);
    expect(list.suggestedFilename()).toBe(`prosecutor-list-${STRUCTURE}-${today.slice(0, 4)}-H${half}.pdf`);
    const file = await list.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(/File scaricato/).waitFor();
    await shot('prosecutor-list');
  });

  it('an invalid fiscal code shows the error next to the field and keeps the form; so does a hub refusal', async () => {
    await page.getByRole('link', { name: 'Accogli un minore' }).click();
    const valid = nextFiscalCode('2014-02-02', 'M');
    const wrong = valid.slice(0, 15) + (valid[15] === 'A' ? 'B' : 'A');
    const input = page.getByLabel(/^Codice fiscale/);
    await input.fill(wrong);
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(describedBy(input)).resolves.toContain('errore di battitura');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect(describedBy(input)).resolves.toMatch(/Errore: Il carattere di controllo non torna/);
    await expect(input.inputValue()).resolves.toBe(wrong);
    await expect(page.evaluate('document.activeElement && document.activeElement.name')).resolves.toBe('fiscalCode');
    await shot('fiscal-code-error');

    // A code the browser accepts but the hub refuses: the birth date typed contradicts it (BAD_USER_INPUT on fiscalCode).
    await input.fill(valid);
    await page.getByRole('button', { name: 'Cerca' }).click();
    const register = page.getByRole('form', { name: /Registra il minore/ });
    await register.waitFor();
    await register.getByLabel(/^Cognome/).fill('Neri');
    await register.getByLabel(/^Nome/).fill('Paolo');
    await register.getByLabel(/^Data di nascita/).fill('03/02/2014');
    await register.getByRole('button', { name: 'Registra il minore' }).click();
    await register.getByRole('alert').waitFor();
    const fc = register.getByLabel(/^Codice fiscale/);
    await expect(fc.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(describedBy(fc)).resolves.toMatch(/Il codice fiscale non corrisponde alla data di nascita indicata/);
    await expect(describedBy(fc)).resolves.not.toMatch(/The fiscal code/);
    await expect(register.getByLabel(/^Cognome/).inputValue()).resolves.toBe('Neri');
    await expect(register.getByLabel(/^Nome/).inputValue()).resolves.toBe('Paolo');
    await expect(register.getByLabel(/^Data di nascita/).inputValue()).resolves.toBe('03/02/2014');
    const none = await hub.gql<{ minorByFiscalCode: unknown }>(await pageToken(), 'query($fc: String!) { minorByFiscalCode(fiscalCode: $fc) { minorId } }', { fc: valid });
    expectNoErrors(none);
    expect(none.data!.minorByFiscalCode).toBeNull();
  });

  it('admits and discharges with the keyboard only (Tab, typing, Enter), checked through the API', async () => {
    /** Tab (at most 80 times) until the focused element is the one named, as a keyboard user would. */
    const tabTo = async (name: RegExp): Promise<void> => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const label = (await page.evaluate(`(() => { const e = document.activeElement; if (!e) return ''; const l = e.id ? document.querySelector('label[for="' + e.id + '"]') : null; return (l ? l.textContent : e.textContent || '').trim(); })()`)) as string;
        if (name.test(label)) return;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await page.goto(`${base}/admit`);
    await page.getByRole('heading', { level: 1, name: 'Accogli un minore' }).waitFor();
    const fiscalCode = nextFiscalCode('2012-11-05', 'M');
    await tabTo(/^Codice fiscale/);
    await page.keyboard.type(fiscalCode);
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: /Registra il minore/ }).waitFor();
    await tabTo(/^Cognome/);
    await page.keyboard.type('Tastiera');
    await tabTo(/^Nome/);
    await page.keyboard.type('Marco');
    await page.keyboard.press('Enter');
    const admission = page.getByRole('form', { name: /Dati dell’accoglienza/ });
    await onFailure(admission.waitFor({ timeout: 20_000 }));
    await tabTo(/^Tipo di accoglienza/);
    await page.keyboard.type('Accoglienza ordinaria');
    await expect(admission.getByLabel(/^Tipo di accoglienza/).inputValue()).resolves.toBe('ORDINARY');
    await tabTo(/^Registra l’accoglienza/);
    await page.keyboard.press('Enter');
    await onFailure(page.getByRole('heading', { level: 1, name: /Scheda di accoglienza: Tastiera Marco/ }).waitFor());
    const placementId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);

    await tabTo(/^Esito della dimissione/);
    await page.keyboard.type('Rientro nella famiglia');
    await tabTo(/^Registra la dimissione/);
    await page.keyboard.press('Enter');
    await page.getByTestId('discharge-question').waitFor();
    await tabTo(/^Conferma la dimissione/);
    await page.keyboard.press('Enter');
    // The banner of the discharge (the admission's "Accoglienza registrata." used the same place).
    await page.getByTestId('success-banner').filter({ hasText: 'Dimissione registrata' }).waitFor();
    const done = await hub.gql<{ placement: { dischargeDate: string; dischargeOutcome: string; kind: string } }>(await pageToken(), 'query($id: ID!) { placement(id: $id) { dischargeDate dischargeOutcome kind } }', { id: placementId });
    expectNoErrors(done);
    // The day the page took as today (the test may cross midnight in Rome).
    expect(done.data!.placement).toEqual({ dischargeDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), dischargeOutcome: 'RETURN_TO_FAMILY', kind: 'ORDINARY' });
  });

  it('switches to English and remembers it', async () => {
    await page.getByLabel('Lingua').selectOption('en');
    await page.getByRole('link', { name: "Today's guests" }).click();
    await page.getByRole('heading', { level: 1, name: "Today's guests" }).waitFor();
    await page.getByRole('link', { name: /Bianchi Luca/ }).waitFor();
    await expect(page.locator('.flag-nearLimit').first().textContent()).resolves.toMatch(/2-month limit on/);
    await shot('guests-en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Today's guests" }).waitFor();
    await page.getByLabel('Language').selectOption('it');
  });
});
