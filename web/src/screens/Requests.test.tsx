import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { I18nProvider } from '../i18n';
import { codesHandler, fakeHub } from '../test/hub';
import { Admit } from './Admit';
import { Requests, type PendingRequest } from './Requests';

const LUCA: PendingRequest = {
  id: 'req-1',
  requestedBy: 'SVC-ROMA-01',
  requestedAdmissionDate: '2026-12-10',
  kind: 'ORDINARY',
  legalBasis: 'COURT_ORDER',
  courtOrderReference: 'TM Roma 123/2026',
  note: null,
  createdAt: '2026-12-01T09:30:00.000Z',
  minor: { id: 'minor-luca', firstName: 'Luca', lastName: 'Verdi', birthDate: '2015-11-23' },
};
const ANNA: PendingRequest = { ...LUCA, id: 'req-2', kind: 'EMERGENCY', legalBasis: 'CONSENSUAL', courtOrderReference: null, requestedAdmissionDate: '2026-12-05', minor: { id: 'minor-anna', firstName: 'Anna', lastName: 'Bianchi', birthDate: '2012-01-02' } };

function renderInbox() {
  return render(
    <I18nProvider>
      <Requests />
    </I18nProvider>,
  );
}

describe('inbox of placement requests (structure side)', () => {
  it('lists each pending request with the minor, requested date, kind, legal basis and requesting service', async () => {
    fakeHub({ PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [LUCA, ANNA] } } }), Codes: codesHandler });
    renderInbox();
    expect(screen.getByRole('heading', { level: 1, name: 'Richieste di inserimento' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Richieste in attesa (2)' });
    const luca = within(table).getByRole('row', { name: /Verdi Luca/ });
    expect(luca.textContent).toContain('10/12/2026');
    expect(luca.textContent).toContain('SVC-ROMA-01');
    expect(luca.textContent).toContain('TM Roma 123/2026');
    // Code-list labels from the hub once loaded.
    expect(await within(luca).findByText('Accoglienza ordinaria')).toBeTruthy();
    expect(within(luca).getByText(/Giudiziale/)).toBeTruthy();
    const anna = within(table).getByRole('row', { name: /Bianchi Anna/ });
    expect(within(anna).getByText('Pronta accoglienza')).toBeTruthy();
    expect(within(anna).getByRole('button', { name: 'Accogli Bianchi Anna' })).toBeTruthy();
  });

  it('says so when nothing is pending', async () => {
    fakeHub({ PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [] } } }), Codes: codesHandler });
    renderInbox();
    expect(await screen.findByText('Nessuna richiesta in attesa.')).toBeTruthy();
  });

  it('declines only with a reason: an empty reason is refused on the spot and nothing is sent', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({ PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [LUCA] } } }), Codes: codesHandler });
    renderInbox();
    await user.click(await screen.findByRole('button', { name: 'Rifiuta la richiesta per Verdi Luca' }));
    const reason = screen.getByLabelText(/Motivo del rifiuto/);
    await user.type(reason, '   ');
    await user.click(screen.getByRole('button', { name: 'Conferma il rifiuto' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(hub.calls.map((c) => c.operation)).not.toContain('DeclinePlacementRequest');
  });

  it('declines with the reason typed, then reloads the list and confirms', async () => {
    const user = userEvent.setup();
    let pending = [LUCA, ANNA];
    const hub = fakeHub({
      PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: pending } } }),
      DeclinePlacementRequest: (v) => {
        pending = pending.filter((r) => r.id !== (v.input as { requestId: string }).requestId);
        return { data: { declinePlacementRequest: { id: 'req-1', status: 'DECLINED' } } };
      },
      Codes: codesHandler,
    });
    renderInbox();
    await user.click(await screen.findByRole('button', { name: 'Rifiuta la richiesta per Verdi Luca' }));
    await user.type(screen.getByLabelText(/Motivo del rifiuto/), ' Nessun posto adatto all’età ');
    await user.click(screen.getByRole('button', { name: 'Conferma il rifiuto' }));
    expect(await screen.findByText(/Richiesta rifiutata/)).toBeTruthy();
    const sent = hub.calls.find((c) => c.operation === 'DeclinePlacementRequest')!.variables;
    expect(sent).toEqual({ input: { requestId: 'req-1', reason: 'Nessun posto adatto all’età' } });
    expect(await screen.findByRole('table', { name: 'Richieste in attesa (1)' })).toBeTruthy();
    expect(screen.queryByText(/Verdi Luca/)).toBeNull();
  });

  it('"Accogli" opens the admission form of that request', async () => {
    const user = userEvent.setup();
    fakeHub({ PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [LUCA] } } }), Codes: codesHandler });
    renderInbox();
    await user.click(await screen.findByRole('button', { name: 'Accogli Verdi Luca' }));
    expect(window.location.pathname).toBe('/requests/req-1/admit');
  });
});

describe('admission on a placement request', () => {
  function renderAdmit(requestId?: string) {
    return render(
      <I18nProvider>
        <Admit structureCode="RM-C002" requestId={requestId} />
      </I18nProvider>,
    );
  }

  it('is prefilled from the request and names it in admitMinor', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({
      PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [LUCA] } } }),
      AdmitMinor: () => ({ data: { admitMinor: { id: 'pl-9' } } }),
      Codes: codesHandler,
    });
    renderAdmit('req-1');
    const form = await screen.findByRole('form', { name: /Dati dell’accoglienza/ });
    expect(within(form).getByText(/Minore richiesto: Verdi Luca/)).toBeTruthy();
    await waitFor(() => expect((within(form).getByLabelText(/Data di ingresso/) as HTMLInputElement).value).toBe('10/12/2026'));
    await within(form).findByRole('option', { name: 'Accoglienza ordinaria' });
    expect((within(form).getByLabelText(/Tipo di accoglienza/) as HTMLSelectElement).value).toBe('ORDINARY');
    expect((within(form).getByLabelText(/Base giuridica/) as HTMLSelectElement).value).toBe('COURT_ORDER');
    await user.click(within(form).getByRole('button', { name: /Registra l’accoglienza/ }));
    await waitFor(() => expect(hub.calls.some((c) => c.operation === 'AdmitMinor')).toBe(true));
    const input = hub.calls.find((c) => c.operation === 'AdmitMinor')!.variables.input;
    expect(input).toMatchObject({ requestId: 'req-1', minorId: 'minor-luca', structureCode: 'RM-C002', admissionDate: '2026-12-10', kind: 'ORDINARY', legalBasis: 'COURT_ORDER', courtOrderReference: 'TM Roma 123/2026', referringService: 'SVC-ROMA-01' });
    expect(window.location.pathname).toBe('/placements/pl-9');
  });

  it('says the request is no longer pending when it is not in the list', async () => {
    fakeHub({ PendingPlacementRequests: () => ({ data: { placementRequests: { nodes: [] } } }), Codes: codesHandler });
    renderAdmit('req-gone');
    expect(await screen.findByText(/non è più in attesa/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('explains in Italian that the case-holding service must send a request (PLACEMENT_NOT_REQUESTED)', async () => {
    const user = userEvent.setup();
    fakeHub({
      LookUpMinor: () => ({ data: { minorByFiscalCode: { minorId: 'minor-luca', minor: null } } }),
      AdmitMinor: () => ({ data: null, errors: [{ message: 'A minor with an open case is admitted only on a pending placement request', extensions: { code: 'PLACEMENT_NOT_REQUESTED', field: 'requestId' } }] }),
      Codes: codesHandler,
    });
    renderAdmit();
    await user.type(screen.getByLabelText(/Codice fiscale/), 'VRDLCU15S23H501' + fiscalCodeCheckCharacter('VRDLCU15S23H501'));
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const form = await screen.findByRole('form', { name: /Dati dell’accoglienza/ });
    await within(form).findByRole('option', { name: 'Accoglienza ordinaria' });
    await user.selectOptions(within(form).getByLabelText(/Tipo di accoglienza/), 'ORDINARY');
    await user.click(within(form).getByRole('button', { name: /Registra l’accoglienza/ }));
    const alert = await within(form).findByText(/in carico a un servizio sociale/);
    expect(alert.textContent).toMatch(/Contatta il servizio sociale titolare del caso perché invii la richiesta/);
    expect(alert.textContent).toMatch(/comparirà in «Richieste di inserimento»/);
    expect(alert.textContent).toMatch(/emergenza senza richiesta è possibile solo per un minore senza un caso aperto/);
  });
});
