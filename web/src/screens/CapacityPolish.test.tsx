import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import { placesOf } from '../capacity';
import { SubmitButton } from '../components/form';
import { gendered, I18nProvider, translate, DICTIONARIES } from '../i18n';
import { codesHandler, fakeHub, municipalitiesHandler } from '../test/hub';
import { Admit } from './Admit';
import { Guests } from './Guests';

/* Issue 18 items 7 (capacity up front) and 8 (polish). */
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(DICTIONARIES.it, k, p);
const guest = (id: string, kind: string, sex = 'M') => ({ id, admissionDate: '2024-01-10', kind, qualityFlags: [], minor: { id: `m-${id}`, firstName: 'A', lastName: `L${id}`, birthDate: '2010-01-01', sex, unaccompanied: false }, absences: [] });

describe('capacity up front', () => {
  it('counts ordinary and emergency guests against their places', () => {
    expect(placesOf(8, 2, ['ORDINARY', 'ORDINARY', 'EMERGENCY', 'EMERGENCY', 'EMERGENCY'])).toMatchObject({ occupied: 5, free: 5, emergencyOver: 1, freeOrdinary: 5, freeEmergency: 0 });
    expect(placesOf(1, 1, ['ORDINARY', 'EMERGENCY'])).toMatchObject({ free: 0, freeOrdinary: 0, freeEmergency: 0 });
  });

  it('today’s guests shows emergency guests beyond the emergency places instead of hiding them in "8 su 10"', async () => {
    const placements = [...['1', '2', '3', '4', '5'].map((i) => guest(i, 'ORDINARY')), ...['6', '7', '8'].map((i) => guest(i, 'EMERGENCY'))];
    fakeHub({ TodaysGuests: () => ({ data: { structure: { code: 'S', name: 'Casa', capacity: 8, emergencyCapacity: 2, occupancy: 8, placements } } }), Codes: codesHandler });
    render(
      <I18nProvider>
        <Guests structureCode="S" />
      </I18nProvider>,
    );
    const places = await screen.findByTestId('places');
    expect(places.textContent).toContain('Posti occupati: 8 su 10');
    expect(places.textContent).toContain('Pronta accoglienza: ospiti 3, posti 2');
    expect(within(places).getByTestId('emergency-over').textContent).toContain('1 in pronta accoglienza oltre i posti dedicati');
  });

  it('refuses an admission before anyone is registered when there is no free place, and shows the free places otherwise', async () => {
    const full = fakeHub({ StructurePlaces: () => ({ data: { structure: { capacity: 1, emergencyCapacity: 1, placements: [{ id: 'a', kind: 'ORDINARY' }, { id: 'b', kind: 'EMERGENCY' }] } } }), Codes: codesHandler });
    const first = render(
      <I18nProvider>
        <Admit structureCode="S" />
      </I18nProvider>,
    );
    expect((await screen.findByTestId('no-places')).textContent).toContain('non ha posti liberi oggi (2 ospiti su 2 posti)');
    expect(screen.queryByRole('form', { name: /Cerca il minore/ })).toBeNull();
    expect(full.calls.map((c) => c.operation)).toEqual(['StructurePlaces']);
    first.unmount();

    fakeHub({ StructurePlaces: () => ({ data: { structure: { capacity: 8, emergencyCapacity: 2, placements: [{ id: 'a', kind: 'EMERGENCY' }] } } }), Codes: codesHandler });
    render(
      <I18nProvider>
        <Admit structureCode="S" />
      </I18nProvider>,
    );
    expect((await screen.findByTestId('free-places')).textContent).toBe('Posti liberi oggi: 9 su 10 (8 ordinari, 1 di pronta accoglienza).');
    expect(screen.getByRole('form', { name: /Cerca il minore/ })).toBeTruthy();
  });
});

describe('polish', () => {
  it('agrees with the minor’s sex in Italian', () => {
    expect(gendered(t, 'discharged', 'F', { date: '01/02/2024', outcome: 'x' })).toBe('Dimessa il 01/02/2024 (x).');
    expect(gendered(t, 'discharged', 'M', { date: '01/02/2024', outcome: 'x' })).toBe('Dimesso il 01/02/2024 (x).');
    expect(gendered(t, 'quality_NO_OPEN_CASE', 'F')).toMatch(/^Accolta da 30 giorni/);
    expect(gendered(t, 'stillAway', 'F')).toBe('non ancora rientrata');
  });

  it('a busy button shows a spinner and says it is sending', () => {
    render(
      <I18nProvider>
        <SubmitButton busy>Registra</SubmitButton>
      </I18nProvider>,
    );
    const button = screen.getByRole('button');
    expect(button.textContent).toBe('Invio in corso…');
    expect(button.querySelector('.spinner')).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the structure’s name in the header and municipality names on the structure page', async () => {
    const payload = btoa(JSON.stringify({ role: 'STRUCTURE_OPERATOR', structureCode: 'RM-C001', sub: 'op', exp: Math.floor(Date.now() / 1000) + 3600 })).replace(/=+$/, '');
    window.sessionStorage.setItem('sirmi.token', `e30.${payload}.sig`);
    window.history.replaceState(null, '', '/structure');
    fakeHub({
      HeaderStructure: () => ({ data: { structure: { name: 'Casa Aurora' } } }),
      OwnStructure: () => ({ data: { structure: { code: 'RM-C001', name: 'Casa Aurora', type: 'X', municipality: '058091', province: 'RM', address: 'Via A 1', managingEntity: null, capacity: 8, emergencyCapacity: 2, minAge: 6, maxAge: 17, status: 'ACTIVE', contactEmail: null, acts: [], inspections: [] } } }),
      Municipalities: municipalitiesHandler,
      Codes: codesHandler,
    });
    render(
      <I18nProvider>
        <App />
      </I18nProvider>,
    );
    await screen.findByText('Casa Aurora', { selector: '.who *, .who' }).catch(() => null);
    const who = await screen.findByTestId('signed-in-structure');
    await within(who).findByText(/Casa Aurora/);
    expect((await screen.findByText(/Roma \(RM\) – ISTAT 058091/)).getAttribute('data-testid')).toBe('municipality');
    expect(document.title).toBe('Casa Aurora – S.I.R.MI');
  });
});
