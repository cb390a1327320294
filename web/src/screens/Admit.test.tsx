import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { I18nProvider } from '../i18n';
import { codesHandler, fakeHub } from '../test/hub';
import { Admit } from './Admit';

const FIRST15 = 'RSSMRA12E50H501';
const VALID = FIRST15 + fiscalCodeCheckCharacter(FIRST15);
const WRONG_CHECK = FIRST15 + (VALID.endsWith('A') ? 'B' : 'A');

function renderAdmit() {
  return render(
    <I18nProvider>
      <Admit structureCode="RM-C001" />
    </I18nProvider>,
  );
}

/** The text of the elements an input names in aria-describedby (what a screen reader reads with it). */
function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

describe('admit a minor: fiscal code checked as you type', () => {
  it('counts the characters, flags a wrong check character at the 16th, and accepts the right one', async () => {
    const user = userEvent.setup();
    renderAdmit();
    const input = screen.getByLabelText(/Codice fiscale/);
    await user.type(input, FIRST15.toLowerCase());
    expect(description(input)).toContain('15 caratteri su 16');
    expect(input.getAttribute('aria-invalid')).toBe('false');

    await user.type(input, WRONG_CHECK.slice(15));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toContain('errore di battitura');
    expect(description(input)).not.toContain('«');

    await user.clear(input);
    await user.type(input, VALID);
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(description(input)).toContain('Codice fiscale corretto');
  });

  it('flags a malformed code before it is complete', async () => {
    const user = userEvent.setup();
    renderAdmit();
    const input = screen.getByLabelText(/Codice fiscale/);
    await user.type(input, 'RSS-');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toContain('non è nel formato corretto');
  });

  it('refuses to look up an invalid code: error next to the field, focus on it, nothing sent, text kept', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({});
    renderAdmit();
    const input = screen.getByLabelText(/Codice fiscale/) as HTMLInputElement;
    await user.type(input, WRONG_CHECK);
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(hub.calls.filter((c) => c.operation !== 'StructurePlaces')).toHaveLength(0);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe(WRONG_CHECK);
    expect(description(input)).toMatch(/Errore: Il carattere di controllo non torna/);
  });
});

describe('admit a minor: errors from the hub', () => {
  it('shows a hub error next to the field it names (extensions.field), focuses it, and keeps every value typed', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({
      LookUpMinor: () => ({ data: { minorByFiscalCode: null } }),
      RegisterMinor: () => ({
        data: null,
        errors: [{ message: 'The fiscal code does not match the birth date', extensions: { code: 'BAD_USER_INPUT', field: 'birthDate' } }],
      }),
      Codes: codesHandler,
    });
    renderAdmit();
    await user.type(screen.getByLabelText(/Codice fiscale/), VALID);
    await user.click(screen.getByRole('button', { name: 'Cerca' }));

    // Not registered: the registration form opens with the code, and the birth data it encodes.
    const form = await screen.findByRole('form', { name: /Registra il minore/ });
    const fiscalCode = within(form).getByLabelText(/Codice fiscale/) as HTMLInputElement;
    expect(fiscalCode.value).toBe(VALID);
    const birthDate = within(form).getByLabelText(/Data di nascita/) as HTMLInputElement;
    expect(birthDate.value).toBe('10/05/2012');
    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    await user.type(within(form).getByLabelText(/^Nome/), 'Maria');
    await user.clear(birthDate);
    await user.type(birthDate, '11/05/2012');
    await user.click(within(form).getByRole('button', { name: 'Registra il minore' }));

    await screen.findByRole('alert');
    expect(hub.calls.map((c) => c.operation).filter((o) => o !== 'Municipalities' && o !== 'Codes' && o !== 'StructurePlaces')).toEqual(['LookUpMinor', 'RegisterMinor']);
    expect(birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(description(birthDate)).toContain('Data di nascita non valida: scrivila come gg/mm/aaaa');
    expect(description(birthDate)).not.toContain('The fiscal code');
    expect(document.activeElement).toBe(birthDate);
    // Nothing lost.
    expect((within(form).getByLabelText(/^Cognome/) as HTMLInputElement).value).toBe('Rossi');
    expect((within(form).getByLabelText(/^Nome/) as HTMLInputElement).value).toBe('Maria');
    expect(birthDate.value).toBe('11/05/2012');
    expect(fiscalCode.value).toBe(VALID);
    expect(within(form).getByLabelText(/^Cognome/).getAttribute('aria-invalid')).toBe('false');
  });

  it('registers a foreign minor with another identifier, and puts the hub error on that identifier field', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({
      RegisterMinor: () => ({
        data: null,
        errors: [{ message: 'A temporary fiscal code is 11 digits with a correct check digit', extensions: { code: 'BAD_USER_INPUT', field: 'otherIdentifier.value' } }],
      }),
      Codes: codesHandler,
    });
    renderAdmit();
    await user.click(screen.getByLabelText(/non ha codice fiscale/));
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const form = await screen.findByRole('form', { name: /Registra il minore/ });
    await user.type(within(form).getByLabelText(/^Cognome/), 'Haddad');
    await user.type(within(form).getByLabelText(/^Nome/), 'Amina');
    await user.type(within(form).getByLabelText(/Data di nascita/), '03/02/2010');
    await user.selectOptions(within(form).getByLabelText(/^Sesso/), 'F');
    await user.selectOptions(within(form).getByLabelText(/Tipo di identificativo/), 'TEMPORARY_FISCAL_CODE');
    const value = within(form).getByLabelText(/^Numero/) as HTMLInputElement;
    await user.type(value, '12345678901');
    await user.click(within(form).getByRole('button', { name: 'Registra il minore' }));

    await screen.findByRole('alert');
    const sent = hub.calls.find((c) => c.operation === 'RegisterMinor')!.variables.input as Record<string, unknown>;
    expect(sent).toMatchObject({ fiscalCode: null, otherIdentifier: { kind: 'TEMPORARY_FISCAL_CODE', value: '12345678901', issuingCountry: null } });
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(description(value)).toContain('il codice fiscale provvisorio ha 11 cifre');
    expect(description(value)).not.toContain('digits');
    expect(document.activeElement).toBe(value);
    expect(value.value).toBe('12345678901');
  });

  it('goes on with the existing minor when the hub answers DUPLICATE_MINOR', async () => {
    const user = userEvent.setup();
    fakeHub({
      LookUpMinor: () => ({ data: { minorByFiscalCode: null } }),
      RegisterMinor: () => ({ data: null, errors: [{ message: 'A minor with this fiscal code is already registered', extensions: { code: 'DUPLICATE_MINOR', field: 'fiscalCode', minorId: 'm-1' } }] }),
      Codes: codesHandler,
    });
    renderAdmit();
    await user.type(screen.getByLabelText(/Codice fiscale/), VALID);
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const form = await screen.findByRole('form', { name: /Registra il minore/ });
    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    await user.type(within(form).getByLabelText(/^Nome/), 'Maria');
    await user.click(within(form).getByRole('button', { name: 'Registra il minore' }));
    expect(await screen.findByText(/era già registrato/)).toBeTruthy();
    expect(screen.getByRole('form', { name: /Dati dell’accoglienza/ })).toBeTruthy();
  });
});
