import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { loadMunicipalities, type MunicipalityCode } from '../api';
import { useI18n } from '../i18n';
import type { FieldErrors, FormState, Values } from './form';

/*
 * A searchable municipality picker (issue 18 item 6): the operator types a
 * name (accents and case ignored) or an ISTAT code and picks from the list;
 * the form keeps the 6-digit ISTAT code, shown under the field. The ARIA
 * combobox pattern (input + listbox, arrows, Enter, Escape), usable with the
 * keyboard only. Until something is picked the form holds the text typed,
 * which `municipalityErrors` refuses on submit. Reusable by any form.
 */

const MAX_OPTIONS = 8;

/** Lower case without accents or apostrophes, for matching what is typed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .trim();
}

/** "Roma (RM)" */
export function municipalityName(m: MunicipalityCode): string {
  return m.group ? `${m.label} (${m.group})` : m.label;
}

/** The municipalities matching the text: names starting with it first, then names containing it; a code matches by its digits. */
export function searchMunicipalities(list: readonly MunicipalityCode[], text: string, max = MAX_OPTIONS): MunicipalityCode[] {
  const q = fold(text);
  if (q === '') return [];
  if (/^\d+$/.test(q)) return list.filter((m) => m.code.startsWith(q)).slice(0, max);
  const starts: MunicipalityCode[] = [];
  const contains: MunicipalityCode[] = [];
  for (const m of list) {
    const name = fold(m.label);
    if (name.startsWith(q)) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  starts.sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, 'it'));
  return [...starts, ...contains].slice(0, max);
}

/** The list, loaded once (null until it arrives). */
export function useMunicipalities(): readonly MunicipalityCode[] | null {
  const [list, setList] = useState<readonly MunicipalityCode[] | null>(null);
  useEffect(() => {
    let live = true;
    loadMunicipalities()
      .then((l) => live && setList(l))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** Client check: a municipality field holding text that was not picked from the list. */
export function municipalityErrors<V extends Values>(values: V, names: readonly (keyof V & string)[], message: string): FieldErrors {
  const out: FieldErrors = {};
  for (const n of names) {
    const v = values[n];
    if (typeof v === 'string' && v.trim() !== '' && !/^\d{6}$/.test(v)) out[n] = message;
  }
  return out;
}

export function MunicipalityField<V extends Values>(props: {
  readonly form: FormState<V>;
  readonly name: keyof V & string;
  readonly label: string;
  readonly required?: boolean;
  /** A live message (e.g. the check against the fiscal code). */
  readonly status?: { readonly text: string; readonly invalid: boolean } | null;
}) {
  const { form, name, label, required, status } = props;
  const { t } = useI18n();
  const list = useMunicipalities();
  const byCode = useMemo(() => new Map((list ?? []).map((m) => [m.code, m])), [list]);
  const stored = typeof form.values[name] === 'string' ? (form.values[name] as string) : '';
  const picked = byCode.get(stored);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = `${form.formId}-${name}`;
  const listId = `${id}-list`;
  const optionPrefix = useId().replace(/:/g, '');

  // A code set from outside (prefilled from the fiscal code) or the list arriving: show its name.
  useEffect(() => {
    if (picked) setText(municipalityName(picked));
    else if (stored === '') setText('');
  }, [picked, stored]);

  const options = useMemo(() => (open && list && !(picked && municipalityName(picked) === text) ? searchMunicipalities(list, text) : []), [open, list, text, picked]);
  const error = form.errors[name];
  const shownStatus = error ? null : status;
  const codeLine = picked ? t('istatCode', { code: picked.code }) : t('municipalityPickHint');
  const describedBy = [`${id}-hint`, shownStatus ? `${id}-status` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const invalid = Boolean(error) || Boolean(status?.invalid);

  const choose = (m: MunicipalityCode) => {
    form.set(name, m.code as V[typeof name]);
    setText(municipalityName(m));
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
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> {t('optional')}</span>}
      </label>
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
            // A 6-digit code typed in full is a choice; anything else waits for a pick.
            const exact = /^\d{6}$/.test(v.trim()) ? byCode.get(v.trim()) : undefined;
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
              {municipalityName(m)} <span className="code">{m.code}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="hint" id={`${id}-hint`} data-testid={`${name}-code`}>
        {codeLine}
      </p>
      {shownStatus ? (
        <p className={shownStatus.invalid ? 'status status-invalid' : 'status status-ok'} id={`${id}-status`} aria-live="polite">
          {shownStatus.text}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('errorPrefix')}: </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
