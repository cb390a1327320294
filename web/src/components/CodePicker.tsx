import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { FieldLabel, FieldMessages, type FieldErrors, type FormState, type Values } from './form';

/*
 * One searchable picker of coded values (issue 18 item 6; issue 20 item 6):
 * the operator types a name (accents and case ignored) or a code and picks
 * from the list; the form keeps the code, shown under the field. The ARIA
 * combobox pattern (input + listbox, arrows, Enter, Escape), usable with the
 * keyboard only. Until something is picked the form holds the text typed,
 * which `pickErrors` refuses on submit. Municipalities
 * (MunicipalityField.tsx) and countries (CountryField.tsx) are this picker
 * with their own list, name and code shape.
 */

const MAX_OPTIONS = 8;

/** A coded value the picker offers: its code and its name. */
export interface PickOption {
  readonly code: string;
  readonly label: string;
}

/** Lower case without accents or apostrophes, for matching what is typed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .trim();
}

/** The options matching the text: names starting with it first (shortest first), then names containing it; a code matches by its digits. */
export function searchOptions<O extends PickOption>(list: readonly O[], text: string, max = MAX_OPTIONS): O[] {
  const q = fold(text);
  if (q === '') return [];
  if (/^\d+$/.test(q)) return list.filter((m) => m.code.startsWith(q)).slice(0, max);
  const starts: O[] = [];
  const contains: O[] = [];
  for (const m of list) {
    const name = fold(m.label);
    if (name.startsWith(q)) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  starts.sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, 'it'));
  return [...starts, ...contains].slice(0, max);
}

/** A list loaded once (null until it arrives; stays null if loading fails). */
export function useLoaded<T>(load: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((v) => live && setValue(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return value;
}

/** Client check: a picker field holding text that is not a code of the expected shape (typed, not picked). */
export function pickErrors<V extends Values>(values: V, names: readonly (keyof V & string)[], codeShape: RegExp, message: string): FieldErrors {
  const out: FieldErrors = {};
  for (const n of names) {
    const v = values[n];
    if (typeof v === 'string' && v.trim() !== '' && !codeShape.test(v)) out[n] = message;
  }
  return out;
}

export function CodePickerField<V extends Values, O extends PickOption>(props: {
  readonly form: FormState<V>;
  readonly name: keyof V & string;
  readonly label: string;
  readonly required?: boolean;
  /** A live message (e.g. the check against the fiscal code). */
  readonly status?: { readonly text: string; readonly invalid: boolean } | null;
  /** The list (null while loading). */
  readonly list: readonly O[] | null;
  /** The name shown in the field and the list. */
  readonly nameOf: (o: O) => string;
  /** A complete code, accepted when typed in full. */
  readonly codeShape: RegExp;
  /** The line under the field: the picked option's code, or how to pick. */
  readonly codeLine: (picked: O | undefined) => string;
}) {
  const { form, name, label, required, status, list, nameOf, codeShape } = props;
  const byCode = useMemo(() => new Map((list ?? []).map((m) => [m.code, m])), [list]);
  const stored = typeof form.values[name] === 'string' ? (form.values[name] as string) : '';
  const picked = byCode.get(stored);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = `${form.formId}-${name}`;
  const listId = `${id}-list`;
  const optionPrefix = useId().replace(/:/g, '');

  // A code set from outside (prefilled from the fiscal code, a draft) or the list arriving: show its name.
  useEffect(() => {
    if (picked) setText(nameOf(picked));
    else if (stored === '') setText('');
  }, [picked, stored, nameOf]);

  const options = useMemo(() => (open && list && !(picked && nameOf(picked) === text) ? searchOptions(list, text) : []), [open, list, text, picked, nameOf]);
  const error = form.errors[name];
  const shownStatus = error ? null : status;
  const describedBy = [`${id}-hint`, shownStatus ? `${id}-status` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const invalid = Boolean(error) || Boolean(status?.invalid);

  const choose = (m: O) => {
    form.set(name, m.code as V[typeof name]);
    setText(nameOf(m));
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && options.length > 0) {
      e.preventDefault();
      choose(options[Math.min(active, options.length - 1)]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className={`field field-combobox${invalid ? ' field-invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <div className="combobox">
        <input
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options.length > 0 ? `${optionPrefix}-${Math.min(active, options.length - 1)}` : undefined}
          aria-required={required || undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            const v = e.target.value;
            setText(v);
            setOpen(true);
            setActive(0);
            // A complete code typed in full is a choice; anything else waits for a pick.
            const exact = codeShape.test(v.trim()) ? byCode.get(v.trim()) : undefined;
            form.set(name, (exact ? exact.code : v.trim()) as V[typeof name]);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={options.length === 0}>
          {options.map((m, i) => (
            <li
              key={m.code}
              id={`${optionPrefix}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, options.length - 1)}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {nameOf(m)} <span className="code">{m.code}</span>
            </li>
          ))}
        </ul>
      </div>
      <FieldMessages id={id} hint={props.codeLine(picked)} hintTestId={`${name}-code`} status={shownStatus} error={error} />
    </div>
  );
}

