import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { gql, HubRequestError } from '../api';
import { dateErrors, DateField, FormMessages, type FormState, KEEP_DRAFT, type Values, requireFields, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '../components/form';
import { UserMessage } from '../components/errorMessage';
import { daysBetween, formatDate, todayInRome } from '../dates';
import { takeFlash } from '../flash';
import { guestFlags } from '../flags';
import { gendered, useI18n } from '../i18n';
import { useQuery } from '../useQuery';
import { ErrorBox, Loading, PageTitle } from './common';
import { flagText, labelOf, useCodes } from './Guests';
import { graphql } from '../generated';
import type { PlacementKind, PlacementRecordQuery } from '../generated/graphql';

const PLACEMENT = graphql(`query PlacementRecord($id: ID!) {
  placement(id: $id) {
    id admissionDate dischargeDate kind referringService legalBasis courtOrderReference dischargeOutcome qualityFlags
    structure { code }
    corrections { id path status reason requestedAt decisionReason before { ...Facts } after { ...Facts } }
    minor { id firstName lastName birthDate sex unaccompanied }
    activities { id type date endDate notes }
    absences { id kind startDate endDate notes }
  }
}
fragment Facts on PlacementFacts { admissionDate kind legalBasis courtOrderReference referringService }`);

type Placement = NonNullable<PlacementRecordQuery['placement']>;

/** The admission facts a correction changes (issue 18 item 5; docs/domain.md "Correcting a placement"). */
type Facts = { admissionDate: string | null; kind: string | null; legalBasis: string | null; courtOrderReference: string | null; referringService: string | null };

type Correction = NonNullable<Placement['corrections']>[number];

const REQUEST_CORRECTION = graphql(`mutation RequestCorrection($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id status } }`);
const CORRECT_PLACEMENT = graphql(`mutation CorrectPlacement($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id } }`);

export function PlacementScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const [flash, setFlashBanner] = useState(takeFlash);
  const bannerRef = useRef<HTMLDivElement>(null);
  // A success banner after a discharge, transfer or correction, focused so it is read out (issue 18 item 5).
  const done = (message: string) => {
    setFlashBanner(message);
    q.reload();
  };
  useEffect(() => {
    if (flash) bannerRef.current?.focus();
  }, [flash]);
  const q = useQuery(PLACEMENT, { id }, id);
  const kinds = useCodes('PLACEMENT_KIND');
  const outcomes = useCodes('DISCHARGE_OUTCOME');
  const bases = useCodes('LEGAL_BASIS');
  const p = q.data?.placement;
  const today = todayInRome();
  const name = p?.minor?.lastName ? `${p.minor.lastName} ${p.minor.firstName ?? ''}`.trim() : t('notVisible');
  return (
    <>
      {/* The document title leaves the name out: titles end up in the browser's history. */}
      <PageTitle docTitle={t('placementTitle')}>
        {t('placementTitle')}
        {p ? `: ${name}` : ''}
      </PageTitle>
      {flash ? (
        <div className="alert alert-success" role="status" ref={bannerRef} tabIndex={-1} data-testid="success-banner">
          {flash}
        </div>
      ) : null}
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {q.data && !p ? <ErrorBox error={{ message: '', extensions: { code: 'NOT_FOUND' } }} /> : null}
      {p ? (
        <>
          <section aria-labelledby="summary-title" className="card">
            <h2 id="summary-title">{t('placementSummary')}</h2>
            <dl className="facts">
              <dt>{t('colName')}</dt>
              <dd>{name}</dd>
              <dt>{t('birthDate')}</dt>
              <dd>{formatDate(p.minor?.birthDate)}</dd>
              <dt>{t('admissionDate')}</dt>
              <dd>{formatDate(p.admissionDate)}</dd>
              <dt>{t('colDays')}</dt>
              <dd>{daysBetween(p.admissionDate, p.dischargeDate ?? today)}</dd>
              <dt>{t('kind')}</dt>
              <dd>{labelOf(kinds, p.kind)}</dd>
              <dt>{t('referringService')}</dt>
              <dd>{p.referringService ?? '—'}</dd>
              <dt>{t('legalBasis')}</dt>
              <dd>{labelOf(bases, p.legalBasis)}</dd>
              {p.dischargeDate ? (
                <>
                  <dt>{t('dischargeDate')}</dt>
                  <dd data-testid="discharge">{gendered(t, 'discharged', p.minor?.sex, { date: formatDate(p.dischargeDate), outcome: labelOf(outcomes, p.dischargeOutcome) })}</dd>
                </>
              ) : null}
            </dl>
            {!p.dischargeDate ? (
              <ul className="flags">
                {guestFlags({ kind: p.kind, admissionDate: p.admissionDate, qualityFlags: p.qualityFlags, unaccompanied: p.minor?.unaccompanied ?? null, absences: p.absences }, today).map((f) => (
                  <li key={f.kind === 'quality' ? f.code : f.kind} className={`flag flag-${f.kind}`}>
                    {flagText(t, f, p.minor?.sex)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">{t('closedPlacement')}</p>
            )}
          </section>
          <Activities placement={p} onChange={q.reload} />
          <Absences placement={p} onChange={q.reload} />
          {!p.dischargeDate ? (
            <>
              <Discharge placement={p} name={name} onDone={done} />
              <Transfer placement={p} name={name} onDone={done} />
            </>
          ) : (
            <CancelDischarge placement={p} onDone={done} />
          )}
          <CorrectAdmission key={`${p.admissionDate}|${p.kind}|${p.legalBasis}|${p.courtOrderReference}|${p.referringService}`} placement={p} onDone={done} />
        </>
      ) : null}
    </>
  );
}

type TableRows = readonly { readonly key: string; readonly cells: readonly ReactNode[] }[];

/** A table of the placement screen: column headings, one row per record. */
function Table({ testId, headers, rows }: { readonly testId?: string; readonly headers: readonly string[]; readonly rows: TableRows }) {
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One section of dated records of the placement (activities, absences): the
 * list, newest first, as a table (or a line when there is none), and the
 * form to record one below it.
 */
function RecordsSection(props: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly testId?: string;
  readonly headers: readonly string[];
  readonly rows: TableRows;
  readonly children: ReactNode;
}) {
  const { id, title, empty, testId, headers, rows, children } = props;
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? <p>{empty}</p> : <Table testId={testId} headers={headers} rows={rows} />}
      {children}
    </section>
  );
}

/** The form of a dated record: its coded kind, start and optional end date, notes. */
function DatedRecordForm<V extends Values>(props: {
  readonly form: FormState<V>;
  readonly onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  readonly title: string;
  readonly kind: { readonly name: keyof V & string; readonly label: string; readonly codes: readonly { code: string; label: string }[] };
  readonly start: { readonly name: keyof V & string; readonly label: string };
  readonly end: { readonly name: keyof V & string; readonly label: string; readonly hint?: string };
}) {
  const { form, onSubmit, title, kind, start, end } = props;
  const { t } = useI18n();
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormMessages form={form} />
      <div className="row">
        <SelectField form={form} name={kind.name} label={kind.label} required options={kind.codes.map((c) => ({ value: c.code, label: c.label }))} />
        <DateField form={form} name={start.name} label={start.label} required />
        <DateField form={form} name={end.name} label={end.label} hint={end.hint} />
      </div>
      <TextAreaField form={form} name={'notes' as keyof V & string} label={t('notes')} hint={t('notesHint')} />
      <div className="actions">
        <SubmitButton busy={form.busy}>{title}</SubmitButton>
      </div>
    </form>
  );
}

function Activities({ placement, onChange }: { placement: Placement; onChange: () => void }) {
  const { t } = useI18n();
  const types = useCodes('ACTIVITY_TYPE');
  const form = useForm({ type: '', date: todayInRome(), endDate: '', notes: '' }, { draft: `placement.${placement.id}.activity` });
  const onSubmit = form.onSubmit(
    async (v) => {
      await gql(graphql(`mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`), {
        input: { placementId: placement.id, type: v.type, date: v.date, endDate: v.endDate || null, notes: v.notes.trim() || null },
      });
      form.setValues({ type: '', endDate: '', notes: '' });
      form.setNotice(t('saved'));
      onChange();
    },
    (v) => ({ ...requireFields(v, ['type', 'date'], t('required')), ...dateErrors(v, ['date', 'endDate'], t('dateInvalid')) }),
  );
  const list = [...(placement.activities ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <RecordsSection
      id="activities"
      title={t('activitiesTitle')}
      empty={t('activitiesEmpty')}
      testId="activities"
      headers={[t('activityDate'), t('activityType'), t('notes')]}
      rows={list.map((a) => ({ key: a.id, cells: [`${formatDate(a.date)}${a.endDate ? ` – ${formatDate(a.endDate)}` : ''}`, labelOf(types, a.type), a.notes ?? ''] }))}
    >
      <DatedRecordForm
        form={form}
        onSubmit={onSubmit}
        title={t('recordActivity')}
        kind={{ name: 'type', label: t('activityType'), codes: types }}
        start={{ name: 'date', label: t('activityDate') }}
        end={{ name: 'endDate', label: t('activityEndDate') }}
      />
    </RecordsSection>
  );
}

function Absences({ placement, onChange }: { placement: Placement; onChange: () => void }) {
  const { t } = useI18n();
  const kinds = useCodes('ABSENCE_KIND');
  const form = useForm({ kind: '', startDate: todayInRome(), endDate: '', notes: '' }, { draft: `placement.${placement.id}.absence` });
  const onSubmit = form.onSubmit(
    async (v) => {
      await gql(graphql(`mutation RecordAbsence($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }`), {
        input: { placementId: placement.id, kind: v.kind, startDate: v.startDate, endDate: v.endDate || null, notes: v.notes.trim() || null },
      });
      form.setValues({ kind: '', endDate: '', notes: '' });
      form.setNotice(t('saved'));
      onChange();
    },
    (v) => ({ ...requireFields(v, ['kind', 'startDate'], t('required')), ...dateErrors(v, ['startDate', 'endDate'], t('dateInvalid')) }),
  );
  const list = [...(placement.absences ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <RecordsSection
      id="absences"
      title={t('absencesTitle')}
      empty={t('absencesEmpty')}
      headers={[t('startDate'), t('endDate'), t('absenceKind'), t('notes')]}
      rows={list.map((a) => ({
        key: a.id,
        cells: [formatDate(a.startDate), a.endDate ? formatDate(a.endDate) : <EndAbsence absenceId={a.id} sex={placement.minor?.sex} onChange={onChange} />, labelOf(kinds, a.kind), a.notes ?? ''],
      }))}
    >
      {placement.dischargeDate ? null : (
        <DatedRecordForm
          form={form}
          onSubmit={onSubmit}
          title={t('recordAbsence')}
          kind={{ name: 'kind', label: t('absenceKind'), codes: kinds }}
          start={{ name: 'startDate', label: t('startDate') }}
          end={{ name: 'endDate', label: t('endDate'), hint: t('endDateOpenHint') }}
        />
      )}
    </RecordsSection>
  );
}

function EndAbsence({ absenceId, sex, onChange }: { absenceId: string; sex: string | null | undefined; onChange: () => void }) {
  const { t } = useI18n();
  const form = useForm({ endDate: todayInRome() }, { draft: `absence.${absenceId}.end` });
  const onSubmit = form.onSubmit(
    async (v) => {
      await gql(graphql(`mutation EndAbsence($input: EndAbsenceInput!) { endAbsence(input: $input) { id } }`), { input: { absenceId, endDate: v.endDate } });
      onChange();
    },
    (v) => ({ ...requireFields(v, ['endDate'], t('required')), ...dateErrors(v, ['endDate'], t('dateInvalid')) }),
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="inline-form" aria-label={t('endAbsence')}>
      <span className="status status-invalid">{gendered(t, 'stillAway', sex)}</span>
      <FormMessages form={form} />
      <DateField form={form} name="endDate" label={t('returnDate')} required />
      <SubmitButton busy={form.busy}>{t('endAbsence')}</SubmitButton>
    </form>
  );
}

/**
 * Check your answers (issue 18 item 5): the first submit of a discharge or a
 * transfer only shows what will be recorded ("Confermi la dimissione di …?");
 * the confirm button submits again and the hub is called then. Changing a
 * field goes back to the form; the hub's refusals land next to their fields.
 */
function useConfirmStep(values: Values) {
  const [confirming, setConfirming] = useState(false);
  const shown = useRef<Values | null>(null);
  useEffect(() => {
    if (confirming && shown.current && Object.keys(values).some((k) => values[k] !== shown.current?.[k])) setConfirming(false);
  }, [values, confirming]);
  return {
    confirming,
    ask: (v: Values) => {
      shown.current = v;
      setConfirming(true);
    },
    back: () => setConfirming(false),
  };
}

function ConfirmPanel({ id, question, confirmLabel, busy, onBack }: { id: string; question: string; confirmLabel: string; busy: boolean; onBack: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-confirm-title`}>
      <h3 id={`${id}-confirm-title`} ref={ref} tabIndex={-1}>
        {t('checkAnswers')}
      </h3>
      <p data-testid={`${id}-question`}>{question}</p>
      <div className="actions">
        <SubmitButton busy={busy}>{confirmLabel}</SubmitButton>
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          {t('modify')}
        </button>
      </div>
    </div>
  );
}

function Discharge({ placement, name, onDone }: { placement: Placement; name: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  // Transfers have their own form below (OTHER_STRUCTURE is the transfer's outcome).
  const outcomes = useCodes('DISCHARGE_OUTCOME').filter((c) => c.code !== 'OTHER_STRUCTURE');
  const form = useForm({ dischargeDate: todayInRome(), dischargeOutcome: '' }, { draft: `placement.${placement.id}.discharge` });
  const step = useConfirmStep(form.values);
  const sex = placement.minor?.sex;
  const onSubmit = form.onSubmit(
    async (v) => {
      if (!step.confirming) {
        step.ask(v);
        return KEEP_DRAFT;
      }
      try {
        await gql(graphql(`mutation DischargeMinor($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }`), {
          input: { placementId: placement.id, dischargeDate: v.dischargeDate, dischargeOutcome: v.dischargeOutcome },
        });
      } catch (err) {
        step.back();
        throw err;
      }
      onDone(gendered(t, 'dischargeDone', sex, { name, date: formatDate(v.dischargeDate), outcome: labelOf(outcomes, v.dischargeOutcome) }));
      return undefined;
    },
    (v) => ({ ...requireFields(v, ['dischargeDate', 'dischargeOutcome'], t('required')), ...dateErrors(v, ['dischargeDate'], t('dateInvalid')) }),
  );
  return (
    <section aria-labelledby="discharge-title" className="card">
      <h2 id="discharge-title">{t('dischargeTitle')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="discharge-title">
        <FormMessages form={form} />
        <div className="row">
          <DateField form={form} name="dischargeDate" label={t('dischargeDate')} required />
          <SelectField form={form} name="dischargeOutcome" label={t('dischargeOutcome')} required options={outcomes.map((c) => ({ value: c.code, label: c.label }))} />
        </div>
        {step.confirming ? (
          <ConfirmPanel
            id="discharge"
            question={t('confirmDischarge', { name, date: formatDate(form.values.dischargeDate), outcome: labelOf(outcomes, form.values.dischargeOutcome) })}
            confirmLabel={t('confirmDischargeButton')}
            busy={form.busy}
            onBack={step.back}
          />
        ) : (
          <div className="actions">
            <SubmitButton busy={form.busy}>{t('dischargeButton')}</SubmitButton>
          </div>
        )}
      </form>
    </section>
  );
}

/** A transfer: discharge here with outcome OTHER_STRUCTURE (DISCHARGE_OUTCOME `continuation`); the other structure admits the minor on the same day. */
function Transfer({ placement, name, onDone }: { placement: Placement; name: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const form = useForm({ dischargeDate: todayInRome() }, { draft: `placement.${placement.id}.transfer` });
  const step = useConfirmStep(form.values);
  const onSubmit = form.onSubmit(
    async (v) => {
      if (!step.confirming) {
        step.ask(v);
        return KEEP_DRAFT;
      }
      try {
        await gql(graphql(`mutation TransferOut($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }`), {
          input: { placementId: placement.id, dischargeDate: v.dischargeDate, dischargeOutcome: 'OTHER_STRUCTURE' },
        });
      } catch (err) {
        step.back();
        throw err;
      }
      onDone(gendered(t, 'transferDone', placement.minor?.sex, { name, date: formatDate(v.dischargeDate) }));
      return undefined;
    },
    (v) => ({ ...requireFields(v, ['dischargeDate'], t('required')), ...dateErrors(v, ['dischargeDate'], t('dateInvalid')) }),
  );
  return (
    <section aria-labelledby="transfer-title" className="card">
      <h2 id="transfer-title">{t('transferTitle')}</h2>
      <p>{t('transferIntro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="transfer-title">
        <FormMessages form={form} />
        <DateField form={form} name="dischargeDate" label={t('transferDate')} required />
        {step.confirming ? (
          <ConfirmPanel id="transfer" question={t('confirmTransfer', { name, date: formatDate(form.values.dischargeDate) })} confirmLabel={t('confirmTransferButton')} busy={form.busy} onBack={step.back} />
        ) : (
          <div className="actions">
            <SubmitButton busy={form.busy}>{t('transferButton')}</SubmitButton>
          </div>
        )}
      </form>
    </section>
  );
}

/**
 * Correction of a discharge (issue 18 item 5): within 30 days of its date the
 * structure cancels it (`cancelDischarge`) and the placement is open again, to
 * be discharged again with the right date or outcome; after that only the
 * supervisor can correct it, and the page says so.
 */
function CancelDischarge({ placement, onDone }: { placement: Placement; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const form = useForm({ confirm: false });
  const [asking, setAsking] = useState(false);
  const today = todayInRome();
  const within = placement.dischargeDate !== null && daysBetween(placement.dischargeDate, today) <= 30;
  const onSubmit = form.onSubmit(async () => {
    if (!asking) {
      setAsking(true);
      return;
    }
    try {
      await gql(graphql(`mutation CancelDischarge($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id } }`), { input: { placementId: placement.id } });
    } catch (err) {
      setAsking(false);
      throw err;
    }
    onDone(t('dischargeCancelled'));
  });
  return (
    <section aria-labelledby="correct-title" className="card">
      <h2 id="correct-title">{t('correctTitle')}</h2>
      {within ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="correct-title">
          <p>{t('correctIntro')}</p>
          <FormMessages form={form} />
          {asking ? (
            <ConfirmPanel id="cancel" question={t('confirmCancelDischarge', { date: formatDate(placement.dischargeDate) })} confirmLabel={t('cancelDischargeConfirm')} busy={form.busy} onBack={() => setAsking(false)} />
          ) : (
            <div className="actions">
              <SubmitButton busy={form.busy}>{t('cancelDischargeButton')}</SubmitButton>
            </div>
          )}
        </form>
      ) : (
        <p>{t('correctAskSupervisor')}</p>
      )}
    </section>
  );
}

const FACT_FIELDS = ['admissionDate', 'kind', 'legalBasis', 'courtOrderReference', 'referringService'] as const;
type FactField = (typeof FACT_FIELDS)[number];

/** The facts a stored correction changed: the hub answers every fact, null where it did not change (a fact cleared has a value before). */
function changedIn(c: Correction): Partial<Facts> {
  const out: Partial<Facts> = {};
  for (const f of FACT_FIELDS) if ((c.before?.[f] ?? null) !== null || (c.after?.[f] ?? null) !== null) out[f] = c.after?.[f] ?? null;
  return out;
}

/** "Data di ingresso: da «01/06/2024» a «30/05/2024»; Tipo: …" for the facts that change. */
function describeChanges(t: ReturnType<typeof useI18n>['t'], before: Partial<Facts>, after: Partial<Facts>, label: (f: FactField, v: string | null | undefined) => string): string {
  return FACT_FIELDS.filter((f) => f in after)
    .map((f) => t('correctionChange', { field: t(f), from: label(f, before[f]), to: label(f, after[f]) }))
    .join('; ');
}

/**
 * Correcting the admission facts (issue 18 item 5; docs/domain.md
 * "Correcting a placement"): the form starts from the placement's facts; the
 * first submit shows what changes (check your answers), the confirm button
 * sends `correctPlacement` within 30 days of the admission, or
 * `requestPlacementCorrection` to the supervisor after that (also when the
 * hub answers CORRECTION_WINDOW_CLOSED). Below, the history of corrections.
 */
function CorrectAdmission({ placement, onDone }: { placement: Placement; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const kinds = useCodes('PLACEMENT_KIND');
  const bases = useCodes('LEGAL_BASIS');
  const current: Record<FactField, string> = {
    admissionDate: placement.admissionDate,
    kind: placement.kind,
    legalBasis: placement.legalBasis ?? '',
    courtOrderReference: placement.courtOrderReference ?? '',
    referringService: placement.referringService ?? '',
  };
  const form = useForm({ ...current, reason: '' }, { draft: `placement.${placement.id}.correction` });
  const step = useConfirmStep(form.values);
  const [late, setLate] = useState(() => daysBetween(placement.admissionDate, todayInRome()) > 30);
  const label = (f: FactField, v: string | null | undefined): string => {
    if (!v) return t('emptyValue');
    if (f === 'admissionDate') return formatDate(v);
    if (f === 'kind') return labelOf(kinds, v);
    if (f === 'legalBasis') return labelOf(bases, v);
    return v;
  };
  const changesOf = (v: Record<FactField, string>): Partial<Facts> => {
    const out: Partial<Facts> = {};
    for (const f of FACT_FIELDS) if (v[f].trim() !== current[f]) out[f] = v[f].trim() === '' ? null : v[f].trim();
    return out;
  };
  const onSubmit = form.onSubmit(
    async (v) => {
      const after = changesOf(v);
      if (Object.keys(after).length === 0) throw new UserMessage(t('correctionNothing'));
      if (!step.confirming) {
        step.ask(v);
        return KEEP_DRAFT;
      }
      const input = { placementId: placement.id, ...after, kind: after.kind as PlacementKind | null | undefined, reason: v.reason.trim() };
      const changes = describeChanges(t, current, after, label);
      try {
        if (late) {
          await gql(REQUEST_CORRECTION, { input });
          // The placement stays as it is until the supervisor decides: the form shows it again.
          form.setValues({ ...current, reason: '' });
          onDone(t('correctionRequested'));
        } else {
          await gql(CORRECT_PLACEMENT, { input });
          onDone(t('correctionDone', { changes }));
        }
      } catch (err) {
        step.back();
        if (err instanceof HubRequestError && err.code === 'CORRECTION_WINDOW_CLOSED') setLate(true);
        throw err;
      }
      return undefined;
    },
    (v) => ({ ...requireFields(v, ['admissionDate', 'kind', 'reason'], t('required')), ...dateErrors(v, ['admissionDate'], t('dateInvalid')) }),
  );
  const history = [...(placement.corrections ?? [])].reverse();
  const statusText = (c: Correction) =>
    c.status === 'PENDING' ? t('correctionPending') : c.status === 'REJECTED' ? t('correctionRejected') : c.path === 'SUPERVISOR' ? t('correctionAppliedBySupervisor') : t('correctionApplied');
  return (
    <section aria-labelledby="correct-admission-title" className="card">
      <h2 id="correct-admission-title">{t('correctAdmissionTitle')}</h2>
      <p>{late ? t('correctAdmissionIntroLate') : t('correctAdmissionIntro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="correct-admission-title">
        <FormMessages form={form} />
        <div className="row">
          <DateField form={form} name="admissionDate" label={t('admissionDate')} required />
          <SelectField form={form} name="kind" label={t('kind')} required options={kinds.map((c) => ({ value: c.code, label: c.label }))} />
          <SelectField form={form} name="legalBasis" label={t('legalBasis')} options={bases.map((c) => ({ value: c.code, label: c.label }))} />
        </div>
        <div className="row">
          <TextField form={form} name="courtOrderReference" label={t('courtOrderReference')} maxLength={200} />
          <TextField form={form} name="referringService" label={t('referringService')} maxLength={200} />
        </div>
        <TextAreaField form={form} name="reason" label={t('correctionReason')} hint={t('correctionReasonHint')} required />
        {step.confirming ? (
          <ConfirmPanel
            id="correction"
            question={t(late ? 'confirmCorrectionRequest' : 'confirmCorrection', { changes: describeChanges(t, current, changesOf(form.values), label) })}
            confirmLabel={t(late ? 'confirmCorrectionRequestButton' : 'confirmCorrectionButton')}
            busy={form.busy}
            onBack={step.back}
          />
        ) : (
          <div className="actions">
            <SubmitButton busy={form.busy}>{late ? t('requestCorrectionButton') : t('correctAdmissionButton')}</SubmitButton>
          </div>
        )}
      </form>
      {history.length > 0 ? (
        <>
          <h3>{t('correctionsTitle')}</h3>
          <Table
            testId="corrections"
            headers={[t('correctionWhen'), t('correctionWhat'), t('correctionReason'), t('correctionStatus')]}
            rows={history.map((c) => ({
              key: c.id,
              cells: [formatDate(c.requestedAt.slice(0, 10)), describeChanges(t, c.before ?? {}, changedIn(c), label), c.reason ?? '', `${statusText(c)}${c.decisionReason ? ` – ${c.decisionReason}` : ''}`],
            }))}
          />
        </>
      ) : null}
    </section>
  );
}
