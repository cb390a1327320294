import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { App } from './App';
import { I18nProvider } from './i18n';
import { Admit } from './screens/Admit';
import { codesHandler, fakeHub, municipalitiesHandler } from './test/hub';

/* Issue 18 item 4: no lost work. */
const FIRST15 = 'RSSMRA12E50H501';
const VALID = FIRST15 + fiscalCodeCheckCharacter(FIRST15);

function token(expiresInSeconds: number): string {
  const payload = btoa(JSON.stringify({ role: 'STRUCTURE_OPERATOR', structureCode: 'RM-C001', sub: 'op', exp: Math.floor(Date.now() / 1000) + expiresInSeconds })).replace(/=+$/, '');
  return `e30.${payload}.sig`;
}

const hubForAdmit = () =>
  fakeHub({ LookUpMinor: () => ({ data: { minorByFiscalCode: null } }), Municipalities: municipalitiesHandler, Codes: codesHandler, RegisterMinor: () => ({ data: { registerMinor: { id: 'm-9' } } }) });

function renderAdmit() {
  return render(
    <I18nProvider>
      <Admit structureCode="RM-C001" />
    </I18nProvider>,
  );
}

async function toRegistration(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByLabelText(/Codice fiscale/));
  await user.paste(VALID);
  await user.click(screen.getByRole('button', { name: 'Cerca' }));
  return screen.findByRole('form', { name: /Registra il minore/ });
}

describe('no lost work', () => {
  it('keeps a half-filled registration as a draft across leaving the screen and coming back (a reload), and clears it once saved', async () => {
    const user = userEvent.setup();
    hubForAdmit();
    const first = renderAdmit();
    const form = await toRegistration(user);
    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    first.unmount();

    renderAdmit();
    const again = await screen.findByRole('form', { name: /Registra il minore/ });
    expect((within(again).getByLabelText(/^Cognome/) as HTMLInputElement).value).toBe('Rossi');
    expect((within(again).getByLabelText(/^Codice fiscale/) as HTMLInputElement).value).toBe(VALID);
    await user.type(within(again).getByLabelText(/^Nome/), 'Maria');
    await user.click(within(again).getByRole('button', { name: 'Registra il minore' }));
    await screen.findByRole('form', { name: /Dati dell’accoglienza/ });
    expect(Object.keys(window.sessionStorage).filter((k) => k === 'sirmi.draft.admit.registration')).toEqual([]);
  });

  it('puts the admission steps in the browser history: Back returns to the previous step, with the heading focused', async () => {
    const user = userEvent.setup();
    hubForAdmit();
    renderAdmit();
    await toRegistration(user);
    expect(window.location.search).toBe('?step=register');
    expect(document.activeElement?.id).toBe('step-register');
    expect(document.title).toContain('2. Registra il minore');
    await act(async () => {
      window.history.back();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByRole('form', { name: /Cerca il minore/ })).toBeTruthy();
    expect(document.activeElement?.id).toBe('step-lookup');
  });

  it('asks before the page is left with a half-filled form', async () => {
    const user = userEvent.setup();
    hubForAdmit();
    renderAdmit();
    const quiet = new Event('beforeunload', { cancelable: true });
    // The App's listener is what asks; mount it around the form.
    render(
      <I18nProvider>
        <App />
      </I18nProvider>,
    );
    window.dispatchEvent(quiet);
    expect(quiet.defaultPrevented).toBe(false);
    await user.type(screen.getAllByLabelText(/Codice fiscale/)[0], 'RSS');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });

  it('warns five minutes before the token expires, and "Rinnova sessione" gets a new one', async () => {
    const user = userEvent.setup();
    window.sessionStorage.setItem('sirmi.token', token(4 * 60));
    const fresh = token(8 * 3600);
    fakeHub(
      { TodaysGuests: () => ({ data: { structure: { code: 'RM-C001', name: 'Casa Aurora', capacity: 8, emergencyCapacity: 2, occupancy: 0, placements: [] } } }), Codes: codesHandler },
      { 'POST /dev/token': () => ({ status: 200, body: { token: fresh } }) },
    );
    render(
      <I18nProvider>
        <App />
      </I18nProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/La sessione scade alle \d\d:\d\d/);
    await user.click(within(alert).getByRole('button', { name: 'Rinnova sessione' }));
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(window.sessionStorage.getItem('sirmi.token')).toBe(fresh);
    expect(screen.queryByText(/La sessione scade/)).toBeNull();
  });
});

describe('drafts belong to one minor', () => {
  it('a registration draft for one fiscal code is not carried over to another', async () => {
    const user = userEvent.setup();
    hubForAdmit();
    const first = renderAdmit();
    const form = await toRegistration(user);
    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    first.unmount();
    window.history.replaceState(null, '', '/admit');

    renderAdmit();
    const other = 'BNCLCU11C04H501' + fiscalCodeCheckCharacter('BNCLCU11C04H501');
    await user.click(screen.getByLabelText(/Codice fiscale/));
    await user.paste(other);
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const again = await screen.findByRole('form', { name: /Registra il minore/ });
    expect((within(again).getByLabelText(/^Cognome/) as HTMLInputElement).value).toBe('');
    expect((within(again).getByLabelText(/^Data di nascita/) as HTMLInputElement).value).toBe('04/03/2011');
    expect((within(again).getByLabelText(/^Sesso/) as HTMLSelectElement).value).toBe('M');
  });
});
