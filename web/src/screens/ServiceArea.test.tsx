import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionFromToken } from '../auth';
import { I18nProvider } from '../i18n';
import { codesHandler, fakeHub } from '../test/hub';
import { MinorFile, MyMinors } from './ServiceArea';

const FILE = {
  minor: {
    id: 'm1',
    firstName: 'Luca',
    lastName: 'Verdi',
    birthDate: '2015-11-23',
    cases: [{ id: 'c1', serviceId: 'S-RM-01', startDate: '2026-01-10', endDate: null, interventions: [{ id: 'i1', type: 'RESIDENTIAL', startDate: '2026-02-01', endDate: null, structure: null }] }],
    placements: [{ id: 'p1', admissionDate: '2026-03-01', dischargeDate: '2026-06-30', kind: 'ORDINARY', dischargeOutcome: 'FAMILY', structure: { code: 'RM-C001', name: 'Il Girasole' }, absences: [{ kind: 'HOSPITALISATION', startDate: '2026-04-02', endDate: '2026-04-05' }] }],
    placementRequests: [{ id: 'r1', status: 'DECLINED', requestedAdmissionDate: '2026-07-01', createdAt: '2026-06-20T10:00:00Z', decidedAt: '2026-06-21T10:00:00Z', declineReason: 'Nessun posto', structure: { code: 'RM-C002', name: 'Arcobaleno' } }],
  },
};
const STRUCTURES = { structures: { nodes: [
  { code: 'RM-C001', name: 'Il Girasole', type: 'CE', municipality: '058091', municipalityName: 'Roma', status: 'ACTIVE', freePlaces: 3 },
  { code: 'RM-C009', name: 'Chiusa', type: 'CE', municipality: '058091', municipalityName: 'Roma', status: 'REVOKED', freePlaces: 0 },
] } };

function wrap(node: React.ReactNode) {
  return render(<I18nProvider>{node}</I18nProvider>);
}

describe('social services area', () => {
  it('a SOCIAL_WORKER token opens a service session', () => {
    const payload = btoa(JSON.stringify({ role: 'SOCIAL_WORKER', serviceId: 'S-RM-01', sub: 'dev', exp: Math.floor(Date.now() / 1000) + 3600 })).replace(/=+$/, '');
    expect(sessionFromToken(`x.${payload}.y`)).toMatchObject({ role: 'SOCIAL_WORKER', serviceId: 'S-RM-01', structureCode: '' });
    const bad = btoa(JSON.stringify({ role: 'SOCIAL_WORKER', sub: 'dev' })).replace(/=+$/, '');
    expect(sessionFromToken(`x.${bad}.y`)).toBeNull();
  });

  it('"I miei minori" lists the service\'s minors and filters by name', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({ MyMinors: (v) => ({ data: { searchMinors: { nodes: v.filter ? [] : [{ id: 'm1', firstName: 'Luca', lastName: 'Verdi', birthDate: '2015-11-23' }] } } }) });
    wrap(<MyMinors />);
    expect((await screen.findByRole('link', { name: 'Verdi Luca' })).getAttribute('href')).toBe('/service/minors/m1');
    await user.type(screen.getByLabelText('Cerca per nome'), 'zz');
    expect(await screen.findByText('Nessun minore trovato.')).toBeTruthy();
    expect(hub.calls.at(-1)!.variables).toMatchObject({ filter: { name: 'zz' } });
  });

  it('shows the file as one timeline, newest first, across case, interventions, requests, placements, absences and discharge', async () => {
    fakeHub({ MinorFile: () => ({ data: FILE }), Codes: codesHandler });
    wrap(<MinorFile id="m1" />);
    const list = await screen.findByTestId('timeline');
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '30/06/2026 — Dimissione da Il Girasole',
      '20/06/2026 — Richiesta di inserimento a Arcobaleno per il 01/07/2026: rifiutata — Nessun posto',
      '02/04/2026 — HOSPITALISATION — Il Girasole (fino al 05/04/2026)',
      '01/03/2026 — Ingresso in Il Girasole (Accoglienza ordinaria)',
      '01/02/2026 — Inizio intervento: RESIDENTIAL',
      '10/01/2026 — Apertura del caso (servizio S-RM-01)',
    ]);
  });

  it('requests a placement with the structure picker (type, municipality, free places; active structures only)', async () => {
    const user = userEvent.setup();
    const hub = fakeHub({ MinorFile: () => ({ data: FILE }), PickStructures: () => ({ data: STRUCTURES }), RequestPlacement: () => ({ data: { requestPlacement: { id: 'r2', status: 'PENDING' } } }), Codes: codesHandler });
    wrap(<MinorFile id="m1" />);
    await user.click(await screen.findByRole('button', { name: 'Richiedi inserimento' }));
    const form = screen.getByRole('form', { name: 'Richiedi inserimento' });
    await within(form).findByRole('option', { name: /Il Girasole — CE, Roma — posti liberi: 3/ });
    expect(within(form).queryByRole('option', { name: /Chiusa/ })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Invia la richiesta' }));
    expect(within(form).getByLabelText(/^Struttura/).getAttribute('aria-invalid')).toBe('true');
    expect(hub.calls.some((c) => c.operation === 'RequestPlacement')).toBe(false);
    await user.selectOptions(within(form).getByLabelText(/^Struttura/), 'RM-C001');
    await user.selectOptions(within(form).getByLabelText(/^Tipo di accoglienza/), 'ORDINARY');
    await user.click(within(form).getByRole('button', { name: 'Invia la richiesta' }));
    expect(await screen.findByText(/Richiesta inviata/)).toBeTruthy();
    await waitFor(() => expect(hub.calls.find((c) => c.operation === 'RequestPlacement')!.variables.input).toMatchObject({ minorId: 'm1', structureCode: 'RM-C001', kind: 'ORDINARY' }));
  });
});
