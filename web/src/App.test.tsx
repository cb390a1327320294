import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { I18nProvider, LANGUAGE_KEY } from './i18n';
import { fakeHub } from './test/hub';

function renderApp() {
  return render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  );
}

function devSignIn() {
  return fakeHub(
    { SignInStructures: () => ({ data: { structures: { nodes: [{ code: 'RM-C001', name: 'Casa Aurora', municipality: '058091', status: 'ACTIVE' }] } } }) },
    { 'GET /dev/token': () => ({ status: 200, body: { available: true } }) },
  );
}

describe('language', () => {
  it('is Italian by default, switches to English, and remembers the choice', async () => {
    const user = userEvent.setup();
    devSignIn();
    const first = renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Accesso');
    expect(document.documentElement.lang).toBe('it');

    await user.selectOptions(screen.getByLabelText('Lingua'), 'en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(screen.getByLabelText('Language')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('en');

    first.unmount();
    renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(await screen.findByRole('option', { name: /Casa Aurora/ })).toBeTruthy();
  });
});

describe('development sign-in', () => {
  it('gets a token for the chosen structure, keeps it in sessionStorage and sends it as a bearer token', async () => {
    const user = userEvent.setup();
    const payload = btoa(JSON.stringify({ role: 'STRUCTURE_OPERATOR', structureCode: 'RM-C001', sub: 'dev', exp: Math.floor(Date.now() / 1000) + 3600 })).replace(/=+$/, '');
    const token = `e30.${payload}.sig`;
    const hub = fakeHub(
      {
        SignInStructures: () => ({ data: { structures: { nodes: [{ code: 'RM-C001', name: 'Casa Aurora', municipality: '058091', status: 'ACTIVE' }] } } }),
        TodaysGuests: () => ({ data: { structure: { code: 'RM-C001', name: 'Casa Aurora', capacity: 8, emergencyCapacity: 2, occupancy: 0, placements: [] } } }),
        Codes: () => ({ data: { codes: [] } }),
      },
      { 'GET /dev/token': () => ({ status: 200, body: { available: true } }), 'POST /dev/token': () => ({ status: 200, body: { token } }) },
    );
    renderApp();
    await screen.findByRole('option', { name: /Casa Aurora/ });
    await user.selectOptions(screen.getByLabelText(/^Struttura/), 'RM-C001');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByText('Nessun minore accolto oggi.')).toBeTruthy();
    expect(window.sessionStorage.getItem('sirmi.token')).toBe(token);
    expect(hub.calls.find((c) => c.operation === 'TodaysGuests')?.authorization).toBe(`Bearer ${token}`);
  });
});
