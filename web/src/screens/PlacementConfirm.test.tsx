import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { todayInRome } from '../dates';
import { I18nProvider } from '../i18n';
import { CODES, fakeHub, type Handler } from '../test/hub';
import { PlacementScreen } from './Placement';

/* Issue 18 item 5: check your answers before a discharge or transfer, a success banner, and the correction of a discharge. */
const today = todayInRome();
const it_ = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const codes: Handler = (v) => ({
  data: {
    codes:
      String(v.list) === 'DISCHARGE_OUTCOME'
        ? [
            { code: 'RETURN_TO_FAMILY', label: 'Rientro nella famiglia di origine' },
            { code: 'OTHER_STRUCTURE', label: 'Trasferimento ad altra struttura' },
          ]
        : (CODES[String(v.list)] ?? []),
  },
});

function placement(discharged: { date: string; outcome: string } | null) {
  return {
    data: {
      placement: {
        id: 'p-1', admissionDate: '2024-01-10', dischargeDate: discharged?.date ?? null, kind: 'ORDINARY', referringService: null, legalBasis: null, dischargeOutcome: discharged?.outcome ?? null, qualityFlags: [],
        structure: { code: 'S' }, minor: { id: 'm-1', firstName: 'Maria', lastName: 'Rossi', birthDate: '2010-01-01', sex: 'F', unaccompanied: false }, activities: [], absences: [],
      },
    },
  };
}

describe('discharge: check your answers, success banner, correction', () => {
  it('asks to confirm before calling the hub, then shows the banner; the discharge can be cancelled within 30 days', async () => {
    const user = userEvent.setup();
    let state: { date: string; outcome: string } | null = null;
    const hub = fakeHub({
      PlacementRecord: () => placement(state),
      Codes: codes,
      DischargeMinor: (v) => {
        const input = v.input as { dischargeDate: string; dischargeOutcome: string };
        state = { date: input.dischargeDate, outcome: input.dischargeOutcome };
        return { data: { dischargeMinor: { id: 'p-1' } } };
      },
      CancelDischarge: () => {
        state = null;
        return { data: { cancelDischarge: { id: 'p-1' } } };
      },
    });
    render(
      <I18nProvider>
        <PlacementScreen id="p-1" />
      </I18nProvider>,
    );
    const form = await screen.findByRole('form', { name: 'Dimissione' });
    await within(form).findByRole('option', { name: 'Rientro nella famiglia di origine' });
    await user.selectOptions(within(form).getByLabelText(/^Esito della dimissione/), 'RETURN_TO_FAMILY');
    await user.click(within(form).getByRole('button', { name: 'Registra la dimissione' }));

    expect(within(form).getByTestId('discharge-question').textContent).toBe(`Confermi la dimissione di Rossi Maria il ${it_(today)} – esito «Rientro nella famiglia di origine»?`);
    expect(document.activeElement?.textContent).toBe('Controlla e conferma');
    expect(hub.calls.some((c) => c.operation === 'DischargeMinor')).toBe(false);

    // "Modifica" goes back to the form; confirming calls the hub once.
    await user.click(within(form).getByRole('button', { name: 'Modifica' }));
    expect(within(form).queryByTestId('discharge-question')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Registra la dimissione' }));
    await user.click(within(form).getByRole('button', { name: 'Conferma la dimissione' }));

    const banner = await screen.findByTestId('success-banner');
    expect(banner.textContent).toBe(`Dimissione registrata: Rossi Maria è stata dimessa il ${it_(today)} (Rientro nella famiglia di origine).`);
    expect(document.activeElement).toBe(banner);
    expect(hub.calls.filter((c) => c.operation === 'DischargeMinor')).toHaveLength(1);

    // Correction: cancel the discharge (within 30 days), with its own confirmation.
    const correct = await screen.findByRole('form', { name: 'Correggere la dimissione' });
    await user.click(within(correct).getByRole('button', { name: 'Annulla la dimissione' }));
    await user.click(within(correct).getByRole('button', { name: 'Conferma l’annullamento' }));
    expect((await screen.findByText(/Dimissione annullata/)).textContent).toContain('l’accoglienza è di nuovo aperta');
    expect(hub.calls.find((c) => c.operation === 'CancelDischarge')?.variables).toEqual({ input: { placementId: 'p-1' } });
    expect(await screen.findByRole('form', { name: 'Dimissione' })).toBeTruthy();
  });

  it('a discharge older than 30 days: the page says to ask the supervisor', async () => {
    fakeHub({ PlacementRecord: () => placement({ date: '2020-01-01', outcome: 'RETURN_TO_FAMILY' }), Codes: codes });
    render(
      <I18nProvider>
        <PlacementScreen id="p-1" />
      </I18nProvider>,
    );
    expect(await screen.findByText(/chiedi la correzione al supervisore/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Annulla la dimissione' })).toBeNull();
  });
});

describe('the check-your-answers step keeps the draft', () => {
  it('a reload on the confirmation step still has the values chosen', async () => {
    const user = userEvent.setup();
    fakeHub({ PlacementRecord: () => placement(null), Codes: codes });
    const first = render(
      <I18nProvider>
        <PlacementScreen id="p-1" />
      </I18nProvider>,
    );
    const form = await screen.findByRole('form', { name: 'Dimissione' });
    await within(form).findByRole('option', { name: 'Rientro nella famiglia di origine' });
    await user.selectOptions(within(form).getByLabelText(/^Esito della dimissione/), 'RETURN_TO_FAMILY');
    await user.click(within(form).getByRole('button', { name: 'Registra la dimissione' }));
    await within(form).findByTestId('discharge-question');
    first.unmount();
    render(
      <I18nProvider>
        <PlacementScreen id="p-1" />
      </I18nProvider>,
    );
    const again = await screen.findByRole('form', { name: 'Dimissione' });
    await within(again).findByRole('option', { name: 'Rientro nella famiglia di origine' });
    expect((within(again).getByLabelText(/^Esito della dimissione/) as HTMLSelectElement).value).toBe('RETURN_TO_FAMILY');
  });
});
