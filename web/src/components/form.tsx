import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { HubError } from '../api';
import { formatDate, isIsoDate, parseItalianDate } from '../dates';
import { useI18n, type Translate } from '../i18n';
import { errorMessage, toHubErrors } from './errorMessage';

/*
 * Forms of the client: every field labelled, errors next to their field
 * (`aria-invalid` + `aria-describedby`), focus on the first error after a
 * failed submit, and the values kept as typed whatever happens (the hub's
 * rejection changes nothing, and neither does the form).
 */

export type Values = Record<string, string | boolean>;
export type FieldErrors = Record<string, string>;

/** A hub error in the user's language, chosen by its code and extensions (components/errorMessage.ts). */
export function describeError(t: Translate, error: HubError): string {
  return errorMessage(t, error);
}

export interface FormState<V extends Values> {
  readonly values: V;
  readonly errors: FieldErrors;
  readonly formError: string | null;
  readonly notice: string | null;
  readonly busy: boolean;
  /** Values differ from the form's start (or from what was last saved). */
  readonly dirty: boolean;
  readonly formId: string;
  set<K extends keyof V & string>(name: K, value: V[K]): void;
  setValues(update: Partial<V>): void;
  setNotice(text: string | null): void;
  /** Run `action` on submit: client checks first, then the hub; errors land next to their fields. */
  /** Run `action` on submit; an action resolving to KEEP_DRAFT (a step before the real save, e.g. "check your answers") keeps the draft. */
  onSubmit(action: (values: V) => Promise<void | typeof KEEP_DRAFT>, validate?: (values: V) => FieldErrors): (e: FormEvent<HTMLFormElement>) => void;
  formRef: React.RefObject<HTMLFormElement | null>;
}

/*
 * Drafts (issue 18 item 4, no lost work): a form given a `draft` key keeps its
 * values in sessionStorage as they are typed, so they survive the session
 * expiring, moving to another screen and a reload; a successful submit clears
 * the draft. sessionStorage is the tab's own and is wiped when the tab closes,
 * like the token; signing out clears every draft (`clearDrafts`).
 */
const DRAFT_PREFIX = 'sirmi.draft.';

function readDraft<V extends Values>(key: string | undefined, initial: V): Partial<V> {
  if (!key) return {};
  try {
    const raw = window.sessionStorage.getItem(DRAFT_PREFIX + key);
    if (!raw) return {};
    const saved = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial<V> = {};
    for (const k of Object.keys(initial) as (keyof V)[]) {
      if (typeof saved[k as string] === typeof initial[k]) out[k] = saved[k as string] as V[keyof V];
    }
    return out;
  } catch {
    return {};
  }
}

function sameValues(a: Values, b: Values): boolean {
  return Object.keys(a).every((k) => a[k] === b[k]);
}

/** Read a draft of some other state (e.g. the admission's current step) kept under `key`. */
export function loadDraftState<T>(key: string): T | null {
  try {
    const raw = window.sessionStorage.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraftState(key: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(DRAFT_PREFIX + key);
    else window.sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the draft lasts for this page only
  }
}

/** Forget every draft (signing out: the next operator of the tab must not find them). */
export function clearDrafts(): void {
  for (let i = window.sessionStorage.length - 1; i >= 0; i--) {
    const k = window.sessionStorage.key(i);
    if (k?.startsWith(DRAFT_PREFIX)) window.sessionStorage.removeItem(k);
  }
}

/** What a form action returns when it did not save yet (the draft stays). */
export const KEEP_DRAFT = 'keep-draft' as const;

/** Forms with unsaved changes on the page; the app asks before the page is left while there are any. */
let dirtyForms = 0;
export function hasDirtyForms(): boolean {
  return dirtyForms > 0;
}

export function useForm<V extends Values>(initial: V, options: { readonly draft?: string } = {}): FormState<V> {
  const { t } = useI18n();
  const draftKey = options.draft;
  const [values, setAll] = useState<V>(() => ({ ...initial, ...readDraft(draftKey, initial) }));
  const baseline = useRef<V>(initial);
  const saved = useRef(false);
  const dirty = !sameValues(values, baseline.current);
  useEffect(() => {
    if (saved.current) {
      // The values after a successful submit are the new starting point.
      saved.current = false;
      baseline.current = values;
      if (draftKey) saveDraftState(draftKey, null);
      return;
    }
    if (draftKey) saveDraftState(draftKey, sameValues(values, baseline.current) ? null : values);
  }, [values, draftKey]);
  useEffect(() => {
    if (!dirty) return;
    dirtyForms += 1;
    return () => {
      dirtyForms -= 1;
    };
  }, [dirty]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);
  const formId = useId().replace(/:/g, '');
  const valuesRef = useRef(values);
  valuesRef.current = values;

  // Focus to the first field in error (or the form's message) after each failed submit.
  useEffect(() => {
    if (failures === 0) return;
    const form = formRef.current;
    if (!form) return;
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[data-form-error]');
    first?.focus();
  }, [failures]);

  const set = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setAll((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const next = { ...prev };
      delete next[name];
      return next;
    });
  }, []);

  const onSubmit = (action: (values: V) => Promise<void | typeof KEEP_DRAFT>, validate?: (values: V) => FieldErrors) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const current = valuesRef.current;
    const local = validate ? validate(current) : {};
    setNotice(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError(t('formHasErrors'));
      setFailures((n) => n + 1);
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    action(current)
      .then((result) => {
        if (result === KEEP_DRAFT) return;
        saved.current = true;
        if (draftKey) saveDraftState(draftKey, null);
        setAll((prev) => ({ ...prev }));
      })
      .catch((err: unknown) => {
        const hubErrors = toHubErrors(err);
        const byField: FieldErrors = {};
        const general: string[] = [];
        for (const he of hubErrors) {
          const field = he.extensions?.field;
          if (typeof field === 'string' && field in current && !(field in byField)) byField[field] = describeError(t, he);
          else general.push(describeError(t, he));
        }
        setErrors(byField);
        setFormError(general.length > 0 ? general.join(' ') : t('formHasErrors'));
        setFailures((n) => n + 1);
      })
      .finally(() => setBusy(false));
  };

  return {
    values,
    errors,
    formError,
    notice,
    busy,
    dirty,
    formId,
    set,
    setValues: (update) => setAll((prev) => ({ ...prev, ...update })),
    setNotice,
    onSubmit,
    formRef,
  };
}

/** Required-field check for the client side. */
export function requireFields<V extends Values>(values: V, names: readonly (keyof V & string)[], message: string): FieldErrors {
  const out: FieldErrors = {};
  for (const n of names) {
    const v = values[n];
    if (typeof v === 'string' && v.trim() === '') out[n] = message;
  }
  return out;
}

interface FieldBase<V extends Values> {
  readonly form: FormState<V>;
  readonly name: keyof V & string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  /** A live message (e.g. the fiscal-code check) shown under the field, announced politely. */
  readonly status?: { readonly text: string; readonly invalid: boolean } | null;
}

function useFieldIds<V extends Values>(form: FormState<V>, name: string, hint: ReactNode, status: FieldBase<V>['status']) {
  const id = `${form.formId}-${name}`;
  const error = form.errors[name];
  // An error from the last submit supersedes the live status (same field, one message).
  const shownStatus = error ? null : status;
  const describedBy = [hint ? `${id}-hint` : null, shownStatus ? `${id}-status` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = Boolean(error) || Boolean(status?.invalid);
  return { id, error, describedBy, invalid, shownStatus };
}

/** A field's hint, live status and error, each with the id its input's aria-describedby names. */
export function FieldMessages({ id, hint, hintTestId, status, error }: { id: string; hint?: ReactNode; hintTestId?: string; status?: FieldBase<Values>['status']; error?: string }) {
  const { t } = useI18n();
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`} data-testid={hintTestId}>
          {hint}
        </p>
      ) : null}
      {status ? (
        <p className={status.invalid ? 'status status-invalid' : 'status status-ok'} id={`${id}-status`} aria-live="polite">
          {status.text}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('errorPrefix')}: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <label htmlFor={id}>
      {label}
      {required ? null : <span className="optional"> {t('optional')}</span>}
    </label>
  );
}

export function TextField<V extends Values>(props: FieldBase<V> & { readonly type?: 'text' | 'email'; readonly autoComplete?: string; readonly inputMode?: 'text' | 'numeric'; readonly maxLength?: number; readonly className?: string; readonly onBlur?: () => void }) {
  const { form, name, label, hint, required, status } = props;
  const { id, error, describedBy, invalid, shownStatus } = useFieldIds(form, name, hint, status);
  const value = form.values[name];
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={props.type ?? 'text'}
        className={props.className}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => form.set(name, e.target.value as V[typeof name])}
        onBlur={props.onBlur}
        required={required}
        aria-required={required || undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        spellCheck={false}
      />
      <FieldMessages id={id} hint={hint} status={shownStatus} error={error} />
    </div>
  );
}

/** Client check of date fields: a value that is not a real date (the DateField keeps what was typed) gets the format message. */
export function dateErrors<V extends Values>(values: V, names: readonly (keyof V & string)[], message: string): FieldErrors {
  const out: FieldErrors = {};
  for (const n of names) {
    const v = values[n];
    if (typeof v === 'string' && v.trim() !== '' && !isIsoDate(v)) out[n] = message;
  }
  return out;
}

/**
 * The app's own Italian date field (issue 18 item 9): typed as gg/mm/aaaa
 * whatever the browser's language (no native date picker, whose format follows
 * the browser), checked as you leave it, and kept in the form as an ISO date
 * (YYYY-MM-DD, what the hub takes) once it is a real date; until then the form
 * holds the text as typed, which `dateErrors` refuses on submit.
 */
export function DateField<V extends Values>(props: FieldBase<V>) {
  const { form, name, label, hint, required } = props;
  const { t } = useI18n();
  const value = form.values[name];
  const stored = typeof value === 'string' ? value : '';
  const [text, setText] = useState(() => (isIsoDate(stored) ? formatDate(stored) : stored));
  const [left, setLeft] = useState(false);
  // A value set from outside (prefilled from the fiscal code, reset after saving) replaces the text shown.
  useEffect(() => {
    setText((current) => ((parseItalianDate(current) ?? current.trim()) === stored ? current : isIsoDate(stored) ? formatDate(stored) : stored));
  }, [stored]);
  const wrong = left && text.trim() !== '' && parseItalianDate(text) === null;
  const fullHint = hint ? (
    <>
      {t('dateHint')} {hint}
    </>
  ) : (
    t('dateHint')
  );
  const { id, error, describedBy, invalid, shownStatus } = useFieldIds(form, name, fullHint, wrong ? { text: t('dateInvalid'), invalid: true } : null);
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type="text"
        className="input-date"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          form.set(name, (parseItalianDate(e.target.value) ?? e.target.value.trim()) as V[typeof name]);
        }}
        onBlur={() => {
          setLeft(true);
          const iso = parseItalianDate(text);
          if (iso) setText(formatDate(iso));
        }}
        required={required}
        aria-required={required || undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        spellCheck={false}
      />
      <FieldMessages id={id} hint={fullHint} status={shownStatus} error={error} />
    </div>
  );
}

export function TextAreaField<V extends Values>(props: FieldBase<V>) {
  const { form, name, label, hint, required } = props;
  const { id, error, describedBy, invalid } = useFieldIds(form, name, hint, null);
  const value = form.values[name];
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <textarea id={id} name={name} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => form.set(name, e.target.value as V[typeof name])} aria-invalid={invalid} aria-describedby={describedBy} />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField<V extends Values>(props: FieldBase<V> & { readonly options: readonly { readonly value: string; readonly label: string }[] }) {
  const { form, name, label, hint, required, options, status } = props;
  const { t } = useI18n();
  const { id, error, describedBy, invalid, shownStatus } = useFieldIds(form, name, hint, status);
  const value = form.values[name];
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <select id={id} name={name} value={typeof value === 'string' ? value : ''} onChange={(e) => form.set(name, e.target.value as V[typeof name])} required={required} aria-required={required || undefined} aria-invalid={invalid} aria-describedby={describedBy}>
        <option value="">{t('choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} status={shownStatus} error={error} />
    </div>
  );
}

export function CheckboxField<V extends Values>(props: FieldBase<V>) {
  const { form, name, label, hint } = props;
  const { id, error, describedBy, invalid } = useFieldIds(form, name, hint, null);
  return (
    <div className={`field field-checkbox${invalid ? ' field-invalid' : ''}`}>
      <input id={id} name={name} type="checkbox" checked={form.values[name] === true} onChange={(e) => form.set(name, e.target.checked as V[typeof name])} aria-invalid={invalid} aria-describedby={describedBy} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** The form's own messages: the error summary (focusable, announced) and a success notice. */
export function FormMessages<V extends Values>({ form }: { form: FormState<V> }) {
  return (
    <>
      {form.formError ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} data-form-error>
          {form.formError}
        </div>
      ) : null}
      {form.notice ? (
        <div className="alert alert-success" role="status">
          {form.notice}
        </div>
      ) : null}
    </>
  );
}

/** The form's button; while the hub answers it shows a spinner and says so (issue 18 item 8), and cannot be pressed twice. */
export function SubmitButton({ busy, children, busyLabel }: { busy: boolean; children: ReactNode; busyLabel?: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel ?? t('busy')}
        </>
      ) : (
        children
      )}
    </button>
  );
}
