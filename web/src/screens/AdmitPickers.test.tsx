import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { I18nProvider } from '../i18n';
import { codesHandler, fakeHub, municipalitiesHandler } from '../test/hub';
import { Admit } from './Admit';

/* Issue 18 item 6: municipality pickers instead of codes; birth municipality and sex prefilled from the fiscal code and checked against it. */
const FIRST15 = 'RSSMRA12E50H501'; // Rome (H501), female, 10/05/2012
const VALID = FIRST15 + fiscalCodeCheckCharacter(FIRST15);

function hintOf(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function toRegistration(user: ReturnType<typeof userEvent.setup>, code = VALID) {
  const hub = fakeHub({
    LookUpMinor: () => ({ data: { minorByFiscalCode: null } }),
    Municipalities: municipalitiesHandler,
    RegisterMinor: () => ({ data: { registerMinor: { id: 'm-9' } } }),
    Codes: codesHandler,
  });
  render(
    <I18nProvider>
      <Admit structureCode="RM-C001" />
    </I18nProvider>,
  );
  await user.click(screen.getByLabelText(/Codice fiscale/));
  await user.paste(code);
  await user.click(screen.getByRole('button', { name: 'Cerca' }));
  const form = await screen.findByRole('form', { name: /Registra il minore/ });
  return { hub, form };
}

describe('registration: pickers and the fiscal code', () => {
  it('prefills the birth municipality (by name, ISTAT code underneath) and the sex from the fiscal code', async () => {
    const user = userEvent.setup();
    const { form } = await toRegistration(user);
    const birth = within(form).getByRole('combobox', { name: /Comune di nascita/ }) as HTMLInputElement;
    await screen.findByDisplayValue('Roma (RM)');
    expect(birth.value).toBe('Roma (RM)');
    expect(hintOf(birth)).toContain('Codice ISTAT: 058091');
    expect(hintOf(birth)).toContain('Ricavato dal codice fiscale');
    expect((within(form).getByLabelText(/^Sesso/) as HTMLSelectElement).value).toBe('F');
  });

  it('searches by name with the keyboard, flags a municipality the code contradicts, and sends the ISTAT code', async () => {
    const user = userEvent.setup();
    const { hub, form } = await toRegistration(user);
    await screen.findByDisplayValue('Roma (RM)');
    const birth = within(form).getByRole('combobox', { name: /Comune di nascita/ }) as HTMLInputElement;
    await user.clear(birth);
    await user.type(birth, 'paler');
    const option = await within(form).findByRole('option', { name: /Palermo \(PA\)/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(birth.value).toBe('Palermo (PA)');
    expect(birth.getAttribute('aria-invalid')).toBe('true');
    expect(hintOf(birth)).toContain('Il codice fiscale indica un altro comune di nascita (Roma (RM))');

    // Residence: accents ignored ("forli" finds Forlì).
    const residence = within(form).getByRole('combobox', { name: /Comune di residenza/ }) as HTMLInputElement;
    await user.type(residence, 'forli');
    await user.click(await within(form).findByRole('option', { name: /Forlì \(FC\)/ }));
    expect(hintOf(residence)).toContain('Codice ISTAT: 040012');

    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    await user.type(within(form).getByLabelText(/^Nome/), 'Maria');
    await user.click(within(form).getByRole('button', { name: 'Registra il minore' }));
    await screen.findByRole('form', { name: /Dati dell’accoglienza/ });
    const sent = hub.calls.find((c) => c.operation === 'RegisterMinor')!.variables.input as Record<string, unknown>;
    expect(sent).toMatchObject({ fiscalCode: VALID, birthMunicipality: '082053', residenceMunicipality: '040012', birthDate: '2012-05-10', sex: 'F' });
  });

  it('refuses a municipality typed but not picked', async () => {
    const user = userEvent.setup();
    const { hub, form } = await toRegistration(user);
    await screen.findByDisplayValue('Roma (RM)');
    const residence = within(form).getByRole('combobox', { name: /Comune di residenza/ }) as HTMLInputElement;
    await user.type(residence, 'Atlantide');
    await user.type(within(form).getByLabelText(/^Cognome/), 'Rossi');
    await user.type(within(form).getByLabelText(/^Nome/), 'Maria');
    await user.click(within(form).getByRole('button', { name: 'Registra il minore' }));
    expect(hintOf(residence)).toContain('Scegli il comune dall’elenco');
    expect(hub.calls.some((c) => c.operation === 'RegisterMinor')).toBe(false);
  });

  it('accepts a fiscal code pasted with spaces, and its message never reveals the expected check character', async () => {
    const user = userEvent.setup();
    fakeHub({ Codes: codesHandler });
    render(
      <I18nProvider>
        <Admit structureCode="RM-C001" />
      </I18nProvider>,
    );
    const input = screen.getByLabelText(/Codice fiscale/) as HTMLInputElement;
    await user.click(input);
    await user.paste(`${VALID.slice(0, 6)} ${VALID.slice(6, 11)} ${VALID.slice(11)}`);
    expect(hintOf(input)).toContain('Codice fiscale corretto');
    await user.clear(input);
    const wrong = FIRST15 + (VALID.endsWith('A') ? 'B' : 'A');
    await user.paste(wrong);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(hintOf(input)).not.toContain('«');
    expect(hintOf(input)).not.toMatch(new RegExp(`\\b${VALID[15]}\\b`));
  });
});
