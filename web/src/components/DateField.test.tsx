import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseItalianDate } from '../dates';
import { I18nProvider, LANGUAGE_KEY } from '../i18n';
import { DateField, dateErrors, FormMessages, SubmitButton, useForm } from './form';

/* Issue 18 item 9: the app's own Italian date field, dd/mm/yyyy whatever the browser's language. */

function Probe({ onSave }: { onSave: (v: { date: string }) => void }) {
  const form = useForm({ date: '2024-03-05' });
  const onSubmit = form.onSubmit(async (v) => onSave(v), (v) => dateErrors(v, ['date'], 'Data non valida'));
  return (
    <I18nProvider>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label="prova">
        <FormMessages form={form} />
        <DateField form={form} name="date" label="Data" required />
        <SubmitButton busy={form.busy}>Salva</SubmitButton>
      </form>
    </I18nProvider>
  );
}

describe('parseItalianDate', () => {
  it('reads dd/mm/yyyy and its variants, refuses dates that do not exist', () => {
    expect(parseItalianDate('21/09/2013')).toBe('2013-09-21');
    expect(parseItalianDate('1/2/2013')).toBe('2013-02-01');
    expect(parseItalianDate('21-09-2013')).toBe('2013-09-21');
    expect(parseItalianDate('21.09.2013')).toBe('2013-09-21');
    expect(parseItalianDate('21092013')).toBe('2013-09-21');
    expect(parseItalianDate(' 2013-09-21 ')).toBe('2013-09-21');
    expect(parseItalianDate('30/02/2024')).toBeNull();
    expect(parseItalianDate('09/21/2013')).toBeNull();
    expect(parseItalianDate('21/09/13')).toBeNull();
  });
});

describe('DateField', () => {
  it('is a text field showing dd/mm/yyyy, not the browser’s date input, and sends ISO', async () => {
    const user = userEvent.setup();
    const saved: { date: string }[] = [];
    render(<Probe onSave={(v) => saved.push(v)} />);
    const input = screen.getByLabelText(/^Data/) as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.value).toBe('05/03/2024');
    await user.clear(input);
    await user.type(input, '7/4/2025');
    await user.tab();
    expect(input.value).toBe('07/04/2025');
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    expect(saved).toEqual([{ date: '2025-04-07' }]);
  });

  it('flags a date that does not exist as you leave it, refuses it on submit and keeps the text', async () => {
    const user = userEvent.setup();
    const saved: unknown[] = [];
    render(<Probe onSave={(v) => saved.push(v)} />);
    const input = screen.getByLabelText(/^Data/) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, '30/02/2024');
    await user.tab();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Salva' }));
    expect(saved).toEqual([]);
    expect(input.value).toBe('30/02/2024');
    expect(document.activeElement).toBe(input);
  });

  it('stays dd/mm/yyyy in English', async () => {
    window.localStorage.setItem(LANGUAGE_KEY, 'en');
    render(<Probe onSave={() => undefined} />);
    const input = screen.getByLabelText(/^Data/) as HTMLInputElement;
    expect(input.value).toBe('05/03/2024');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toContain('dd/mm/yyyy');
  });
});
