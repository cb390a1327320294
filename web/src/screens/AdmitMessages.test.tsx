import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { takeFlash } from '../flash';
import { I18nProvider, LANGUAGE_KEY } from '../i18n';
import { codesHandler, fakeHub, type Handler } from '../test/hub';
import { Admit } from './Admit';

/*
 * Issue 18 item 3: every error in the operator's language, chosen by code and
 * extensions, saying what to do next, never the hub's English message; the
 * "already placed" case split between here and elsewhere; a lost reply checked
 * before saying "riprova".
 */
const FIRST15 = 'RSSMRA12E50H501';
const VALID = FIRST15 + fiscalCodeCheckCharacter(FIRST15);
const ENGLISH = 'The minor already has a placement in this period: discharge it first';

async function toAdmission(user: ReturnType<typeof userEvent.setup>, admit: Handler, hostedHere: Handler) {
  const hub = fakeHub({
    LookUpMinor: () => ({ data: { minorByFiscalCode: { minorId: 'm-1', minor: null } } }),
    AdmitMinor: admit,
    HostedHere: hostedHere,
    Codes: codesHandler,
  });
  render(
    <I18nProvider>
      <Admit structureCode="RM-C001" />
    </I18nProvider>,
  );
  await user.type(screen.getByLabelText(/Codice fiscale|Fiscal code/), VALID);
  await user.click(screen.getByRole('button', { name: /^(Cerca|Look up)$/ }));
  const form = await screen.findByRole('form', { name: /Dati dell’accoglienza|Placement details/ });
  await within(form).findByRole('option', { name: 'Accoglienza ordinaria' });
  await user.selectOptions(within(form).getByLabelText(/^(Tipo di accoglienza|Kind of placement)/), 'ORDINARY');
  await user.click(within(form).getByRole('button', { name: /Registra l’accoglienza|Record the admission/ }));
  return { hub, form };
}

const overlap: Handler = () => ({ data: null, errors: [{ message: ENGLISH, extensions: { code: 'PLACEMENT_OVERLAP', field: 'admissionDate' } }] });
const hosted = (ids: string[]): Handler => () => ({ data: { structure: { placements: ids.map((id) => ({ id: `p-${id}`, minor: { id } })) } } });
const lost: Handler = () => {
  throw new TypeError('Failed to fetch');
};

describe('admission errors, in the operator’s language', () => {
  it('already hosted here: says so, links the placement, and never shows the hub’s English', async () => {
    const user = userEvent.setup();
    const { hub, form } = await toAdmission(user, overlap, hosted(['m-1']));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('già accolto in questa struttura');
    expect(form.textContent).not.toContain(ENGLISH);
    const link = within(form).getByRole('link', { name: 'Apri la sua scheda di accoglienza' });
    expect(link.getAttribute('href')).toBe('/placements/p-m-1');
    expect(hub.calls.map((c) => c.operation)).toContain('HostedHere');
  });

  it('hosted by another structure: tells the operator to contact the case-holding social service', async () => {
    const user = userEvent.setup();
    const { form } = await toAdmission(user, overlap, hosted(['someone-else']));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('contatta il servizio sociale titolare del caso');
    expect(within(form).queryByRole('link')).toBeNull();
    expect(form.textContent).not.toContain('placement in this period');
  });

  it('a lost reply whose admission went through: no "riprova", the placement opens', async () => {
    const user = userEvent.setup();
    const { hub } = await toAdmission(user, lost, hosted(['m-1']));
    await waitForPath('/placements/p-m-1');
    expect(hub.calls.map((c) => c.operation).filter((o) => o !== 'Codes' && o !== 'StructurePlaces')).toEqual(['LookUpMinor', 'AdmitMinor', 'HostedHere']);
    expect(takeFlash()).toContain('risulta registrata');
  });

  it('a lost reply whose admission did not go through: says so, then "riprova"', async () => {
    const user = userEvent.setup();
    const { form } = await toAdmission(user, lost, hosted([]));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('non risulta registrata');
    expect(alert.textContent).toContain('riprova');
  });

  it('a lost reply that cannot be checked: asks to look at today’s guests before trying again', async () => {
    const user = userEvent.setup();
    const { form } = await toAdmission(user, lost, lost);
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('controlla «Ospiti di oggi»');
  });

  it('a minor in a service’s care without its placement request: contact that service (PLACEMENT_NOT_REQUESTED)', async () => {
    const user = userEvent.setup();
    const { form } = await toAdmission(user, () => ({ data: null, errors: [{ message: 'A minor with an open case is admitted only on a pending placement request', extensions: { code: 'PLACEMENT_NOT_REQUESTED', field: 'requestId' } }] }), hosted([]));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Contatta il servizio sociale titolare del caso perché invii la richiesta');
    expect(form.textContent).not.toContain('open case');
  });

  it('in English when the operator chose English', async () => {
    window.localStorage.setItem(LANGUAGE_KEY, 'en');
    const user = userEvent.setup();
    const { form } = await toAdmission(user, () => ({ data: null, errors: [{ message: 'The structure has no free place', extensions: { code: 'STRUCTURE_FULL' } }] }), hosted([]));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/^The structure has no free place \(ordinary or emergency\) on this date: record the discharges/);
    expect(alert.textContent).not.toMatch(/posti/);
  });
});

async function waitForPath(path: string): Promise<void> {
  for (let i = 0; i < 50 && window.location.pathname !== path; i++) await new Promise((r) => setTimeout(r, 20));
  expect(window.location.pathname).toBe(path);
}
