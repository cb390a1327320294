import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n';
import { fakeHub } from '../test/hub';
import { Notifications, type NotificationItem } from './Notifications';

const REQUESTED: NotificationItem = { id: 'n1', kind: 'PLACEMENT_REQUESTED', at: '2026-12-04T17:30:00.000Z', read: false, minor: { id: 'm1', firstName: 'Luca', lastName: 'Verdi' }, placement: null, request: { id: 'r1', status: 'PENDING' } };
const WITHDRAWN: NotificationItem = { id: 'n2', kind: 'REQUEST_WITHDRAWN', at: '2026-12-03T08:00:00.000Z', read: false, minor: null, placement: null, request: null };
const OLD: NotificationItem = { id: 'n3', kind: 'PLACEMENT_REQUESTED', at: '2026-11-01T08:00:00.000Z', read: true, minor: null, placement: null, request: null };

function renderIt() {
  return render(
    <I18nProvider>
      <Notifications role="STRUCTURE_OPERATOR" />
    </I18nProvider>,
  );
}

describe('notifications', () => {
  it('lists them newest first with kind, time and minor when visible, and the unread count', async () => {
    fakeHub({ MyNotifications: () => ({ data: { notifications: { nodes: [REQUESTED, WITHDRAWN, OLD], unreadCount: 2 } } }) });
    renderIt();
    expect((await screen.findByTestId('unread-count')).textContent).toBe('Da leggere: 2');
    const first = document.querySelector('[data-notification-id="n1"]') as HTMLElement;
    expect(first.textContent).toContain('Nuova richiesta di inserimento — Verdi Luca');
    expect(first.textContent).toContain('04/12/2026, 18:30');
    expect(within(first).getByRole('link', { name: 'Vai alle richieste di inserimento' }).getAttribute('href')).toBe('/requests');
    // Withdrawn: the structure learns that, not about whom.
    const second = document.querySelector('[data-notification-id="n2"]') as HTMLElement;
    expect(second.textContent).toContain('Richiesta di inserimento ritirata');
    expect(second.textContent).not.toContain('—');
    // Already read: no badge, no button.
    const third = document.querySelector('[data-notification-id="n3"]') as HTMLElement;
    expect(within(third).queryByRole('button')).toBeNull();
    expect(third.querySelector('.badge')).toBeNull();
    expect(first.querySelector('.badge')?.textContent).toBe('Nuova');
  });

  it('marks one as read, then all, and shows the new count', async () => {
    const user = userEvent.setup();
    let nodes = [REQUESTED, WITHDRAWN, OLD];
    const hub = fakeHub({
      MyNotifications: () => ({ data: { notifications: { nodes, unreadCount: nodes.filter((n) => !n.read).length } } }),
      MarkNotificationsRead: (v) => {
        const ids = v.ids as string[];
        nodes = nodes.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n));
        return { data: { markNotificationsRead: ids.length } };
      },
    });
    renderIt();
    await user.click(await screen.findByRole('button', { name: 'Segna come letta: Nuova richiesta di inserimento — Verdi Luca' }));
    await screen.findByText('Da leggere: 1');
    expect(hub.calls.find((c) => c.operation === 'MarkNotificationsRead')!.variables).toEqual({ ids: ['n1'] });
    await user.click(screen.getByRole('button', { name: 'Segna tutte come lette' }));
    await screen.findByText('Da leggere: 0');
    expect(hub.calls.filter((c) => c.operation === 'MarkNotificationsRead')[1].variables).toEqual({ ids: ['n2'] });
    expect(screen.queryByRole('button', { name: 'Segna tutte come lette' })).toBeNull();
  });
});
