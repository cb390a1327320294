import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { todayInRome } from '../dates';
import { I18nProvider } from '../i18n';
import { codesHandler, fakeHub } from '../test/hub';
import { PlacementScreen } from './Placement';

/* Issue 18 item 5: "Correggi" on the placement screen: check your answers, correctPlacement within 30 days, a request to the supervisor after. */
const today = todayInRome();
const addDaysIso = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const it_ = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const NONE = { admissionDate: null, kind: null, legalBasis: null, courtOrderReference: null, referringService: null };

function placement(admissionDate: string, kind: string, corrections: unknown[] = []) {
  return {
    data: {
      placement: {
        id: 'p-1', admissionDate, dischargeDate: null, kind, referringService: null, legalBasis: null, courtOrderReference: null, dischargeOutcome: null, qualityFlags: [], corrections,
        structure: { code: 'S' }, minor: { id: 'm-1', firstName: 'Maria', lastName: 'Rossi', birthDate: '2010-01-01', sex: 'F', unaccompanied: false }, activities: [], absences: [],
      },
    },
  };
}

function show() {
  render(
    <I18nProvider>
      <PlacementScreen id="p-1" />
    </I18nProvider>,
  );
}

describe('correcting the admission data', () => {
  it('within 30 days: shows the changes to confirm, then calls correctPlacement with the changed facts only, and shows the banner and the history', async () => {
    const user = userEvent.setup();
    const admitted = addDaysIso(today, -3);
    const corrected = addDaysIso(today, -4);
    let state = placement(admitted, 'ORDINARY');
    const hub = fakeHub({
      PlacementRecord: () => state,
      Codes: codesHandler,
      CorrectPlacement: () => {
        state = placement(corrected, 'EMERGENCY', [
          { id: 'c-1', path: 'STRUCTURE', status: 'APPLIED', reason: 'Data digitata male', requestedAt: `${today}T10:00:00.000000Z`, decisionReason: null, before: { ...NONE, admissionDate: admitted, kind: 'ORDINARY' }, after: { ...NONE, admissionDate: corrected, kind: 'EMERGENCY' } },
        ]);
        return { data: { correctPlacement: { id: 'p-1' } } };
      },
    });
    show();
    const form = await screen.findByRole('form', { name: 'Correggere i dati dell’ingresso' });
    await within(form).findByRole('option', { name: 'Pronta accoglienza' });
    const date = within(form).getByLabelText(/^Data di ingresso/) as HTMLInputElement;
    await user.clear(date);
    await user.type(date, it_(corrected));
    await user.selectOptions(within(form).getByLabelText(/^Tipo di accoglienza/), 'EMERGENCY');
    await user.type(within(form).getByLabelText(/^Motivo della correzione/), 'Data digitata male');
    await user.click(within(form).getByRole('button', { name: 'Correggi' }));

    const question = await within(form).findByTestId('correction-question');
    expect(question.textContent).toBe(`Confermi la correzione? Data di ingresso: da «${it_(admitted)}» a «${it_(corrected)}»; Tipo di accoglienza: da «Accoglienza ordinaria» a «Pronta accoglienza».`);
    expect(hub.calls.some((c) => c.operation === 'CorrectPlacement')).toBe(false);
    await user.click(within(form).getByRole('button', { name: 'Conferma la correzione' }));

    const banner = await screen.findByTestId('success-banner');
    expect(banner.textContent).toContain('Correzione registrata');
    expect(hub.calls.find((c) => c.operation === 'CorrectPlacement')!.variables.input).toEqual({ placementId: 'p-1', admissionDate: corrected, kind: 'EMERGENCY', reason: 'Data digitata male' });
    const history = await screen.findByTestId('corrections');
    expect(history.textContent).toContain('Applicata');
    expect(history.textContent).toContain(`Data di ingresso: da «${it_(admitted)}» a «${it_(corrected)}»`);
  });

  it('refuses a correction that changes nothing, before calling the hub', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({ PlacementRecord: () => placement(addDaysIso(today, -3), 'ORDINARY'), Codes: codesHandler });
    show();
    const form = await screen.findByRole('form', { name: 'Correggere i dati dell’ingresso' });
    await user.type(within(form).getByLabelText(/^Motivo della correzione/), 'Niente');
    await user.click(within(form).getByRole('button', { name: 'Correggi' }));
    expect(await within(form).findByText(/Non hai modificato nessun dato/)).toBeTruthy();
    expect(hub.calls.some((c) => c.operation === 'CorrectPlacement' || c.operation === 'RequestCorrection')).toBe(false);
  });

  it('after 30 days: the same form asks the supervisor (requestPlacementCorrection), and the pending request is listed', async () => {
    const user = userEvent.setup();
    const admitted = addDaysIso(today, -60);
    let state = placement(admitted, 'ORDINARY');
    const hub = fakeHub({
      PlacementRecord: () => state,
      Codes: codesHandler,
      RequestCorrection: () => {
        state = placement(admitted, 'ORDINARY', [
          { id: 'c-2', path: 'SUPERVISOR', status: 'PENDING', reason: 'Decreto', requestedAt: `${today}T10:00:00.000000Z`, decisionReason: null, before: { ...NONE, legalBasis: null }, after: { ...NONE, legalBasis: 'CONSENSUAL' } },
        ]);
        return { data: { requestPlacementCorrection: { id: 'c-2', status: 'PENDING' } } };
      },
    });
    show();
    const form = await screen.findByRole('form', { name: 'Correggere i dati dell’ingresso' });
    expect(form.parentElement!.textContent).toContain('più di 30 giorni');
    await within(form).findByRole('option', { name: 'Consensuale' });
    await user.selectOptions(within(form).getByLabelText(/^Base giuridica/), 'CONSENSUAL');
    await user.type(within(form).getByLabelText(/^Motivo della correzione/), 'Decreto');
    await user.click(within(form).getByRole('button', { name: 'Chiedi la correzione al supervisore' }));
    expect((await within(form).findByTestId('correction-question')).textContent).toBe('Confermi la richiesta di correzione al supervisore? Base giuridica: da «vuoto» a «Consensuale».');
    await user.click(within(form).getByRole('button', { name: 'Invia la richiesta' }));
    expect((await screen.findByTestId('success-banner')).textContent).toContain('Richiesta di correzione inviata al supervisore');
    expect(hub.calls.find((c) => c.operation === 'RequestCorrection')!.variables.input).toEqual({ placementId: 'p-1', legalBasis: 'CONSENSUAL', reason: 'Decreto' });
    expect((await screen.findByTestId('corrections')).textContent).toContain('In attesa del supervisore');
  });
});
