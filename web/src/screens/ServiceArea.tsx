import { useState } from 'react';
import { gql } from '../api';
import { dateErrors, DateField, FormMessages, requireFields, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '../components/form';
import { formatDate, todayInRome } from '../dates';
import { useI18n, type Translate } from '../i18n';
import { Link, PATHS } from '../router';
import { useQuery } from '../useQuery';
import { ErrorBox, PageTitle, QueryStatus, useInlineForm } from './common';
import { labelOf, useCodes } from './Guests';
import { graphql } from '../generated';
import type { MinorFileQuery } from '../generated/graphql';

/*
 * The social services' area (issue 14 item 6), signed in as a SOCIAL_WORKER
 * of a service: "I miei minori" (the minors the service holds a case for,
 * searchMinors), the minor's file as one timeline across SINBA and ASMI (only
 * what the hub lets the service read: docs/privacy.md §3, §4 — masked fields
 * come back null and are left out), and "Richiedi inserimento" with a
 * structure picker showing type, municipality and free places.
 */
const MY_MINORS = graphql(`query MyMinors($filter: MinorSearchFilter, $first: Int) {
  searchMinors(filter: $filter, first: $first) { nodes { id firstName lastName birthDate } }
}`);
const MINOR_FILE = graphql(`query MinorFile($id: ID!) {
  minor(id: $id) {
    id firstName lastName birthDate
    cases { id serviceId startDate endDate interventions { id type startDate endDate structure { name } } }
    placements { id admissionDate dischargeDate kind dischargeOutcome structure { code name } absences { kind startDate endDate } }
    placementRequests { id status requestedAdmissionDate createdAt decidedAt declineReason structure { code name } }
  }
}`);
const STRUCTURES = graphql(`query PickStructures($first: Int) { structures(first: $first) { nodes { code name type municipality municipalityName status freePlaces } } }`);
const REQUEST = graphql(`mutation RequestPlacement($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status } }`);

function minorName(t: Translate, m: { firstName: string | null; lastName: string | null } | null): string {
  return m?.lastName || m?.firstName ? `${m.lastName ?? ''} ${m.firstName ?? ''}`.trim() : t('notVisible');
}

export function MyMinors() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const q = useQuery(MY_MINORS, { filter: name.trim() ? { name: name.trim() } : null, first: 100 }, `minors/${name.trim()}`);
  const rows = q.data?.searchMinors.nodes ?? [];
  return (
    <>
      <PageTitle>{t('myMinorsTitle')}</PageTitle>
      <p>{t('myMinorsIntro')}</p>
      <div className="field">
        <label htmlFor="my-minors-name">{t('myMinorsFilter')}</label>
        <input id="my-minors-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <QueryStatus q={q} empty={rows.length === 0 ? t('myMinorsNone') : null} />
      {rows.length > 0 ? (
        <ul className="notifications">
          {rows.map((m) => (
            <li key={m.id} className="notification">
              <Link to={PATHS.minorFile(m.id)}>{minorName(t, m)}</Link> <span className="hint">{formatDate(m.birthDate)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

interface TimelineEntry {
  readonly date: string;
  readonly key: string;
  readonly text: string;
}

/** One timeline across the modules, newest first (each record contributes its start and, when ended, its end). */
export function timeline(t: Translate, m: NonNullable<MinorFileQuery['minor']>, labels: { intervention: (c: string) => string; placementKind: (c: string) => string; absence: (c: string) => string }): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const c of m.cases ?? []) {
    out.push({ date: c.startDate, key: `case-${c.id}`, text: t('tlCaseOpened', { service: c.serviceId }) });
    if (c.endDate) out.push({ date: c.endDate, key: `case-end-${c.id}`, text: t('tlCaseClosed', { service: c.serviceId }) });
    for (const i of c.interventions ?? []) {
      const where = i.structure?.name ? ` (${i.structure.name})` : '';
      out.push({ date: i.startDate, key: `int-${i.id}`, text: `${t('tlInterventionStarted')}: ${labels.intervention(i.type)}${where}` });
      if (i.endDate) out.push({ date: i.endDate, key: `int-end-${i.id}`, text: `${t('tlInterventionEnded')}: ${labels.intervention(i.type)}${where}` });
    }
  }
  for (const r of m.placementRequests ?? []) {
    const structure = r.structure.name ?? r.structure.code;
    out.push({ date: r.createdAt.slice(0, 10), key: `req-${r.id}`, text: t('tlRequest', { structure, date: formatDate(r.requestedAdmissionDate), status: t(`requestStatus_${r.status}` as 'requestStatus_PENDING') }) + (r.declineReason ? ` — ${r.declineReason}` : '') });
  }
  for (const p of m.placements ?? []) {
    const structure = p.structure?.name ?? p.structure?.code ?? '—';
    out.push({ date: p.admissionDate, key: `pl-${p.id}`, text: `${t('tlAdmission', { structure })} (${labels.placementKind(p.kind)})` });
    for (const [n, a] of (p.absences ?? []).entries()) {
      out.push({ date: a.startDate, key: `abs-${p.id}-${n}`, text: `${labels.absence(a.kind)} — ${structure}${a.endDate ? ` (${t('tlUntil', { date: formatDate(a.endDate) })})` : ''}` });
    }
    if (p.dischargeDate) out.push({ date: p.dischargeDate, key: `dis-${p.id}`, text: t('tlDischarge', { structure }) });
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
}

export function MinorFile({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useQuery(MINOR_FILE, { id }, `minor/${id}`);
  const interventions = useCodes('INTERVENTION_TYPE');
  const kinds = useCodes('PLACEMENT_KIND');
  const absences = useCodes('ABSENCE_KIND');
  const requesting = useInlineForm(q);
  const m = q.data?.minor ?? null;
  const entries = m ? timeline(t, m, { intervention: (c) => labelOf(interventions, c), placementKind: (c) => labelOf(kinds, c), absence: (c) => labelOf(absences, c) }) : [];
  return (
    <>
      <PageTitle>{m ? t('minorFileTitle', { name: minorName(t, m) }) : t('minorFileTitle', { name: '' })}</PageTitle>
      <p>
        <Link to={PATHS.myMinors}>{t('myMinorsBack')}</Link>
      </p>
      <QueryStatus q={q} message={requesting.message} />
      {m ? (
        <>
          <p className="summary">{t('minorFileBorn', { date: formatDate(m.birthDate) })}</p>
          {requesting.open !== null ? (
            <RequestPlacementForm minorId={m.id} onCancel={requesting.cancel} onDone={() => requesting.done(t('requestSent'))} />
          ) : (
            <div className="actions">
              <button type="button" className="button button-primary" onClick={() => requesting.start('request')}>
                {t('requestPlacementButton')}
              </button>
            </div>
          )}
          <h2>{t('timelineTitle')}</h2>
          {entries.length === 0 ? (
            <p>{t('timelineEmpty')}</p>
          ) : (
            <ol className="notifications" data-testid="timeline">
              {entries.map((e) => (
                <li key={e.key} className="notification">
                  <strong>{formatDate(e.date)}</strong> — {e.text}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </>
  );
}

function RequestPlacementForm({ minorId, onCancel, onDone }: { minorId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const structures = useQuery(STRUCTURES, { first: 100 }, 'pick');
  const types = useCodes('STRUCTURE_TYPE');
  const kinds = useCodes('PLACEMENT_KIND');
  const bases = useCodes('LEGAL_BASIS');
  const form = useForm({ structureCode: '', requestedAdmissionDate: todayInRome(), kind: '', legalBasis: '', courtOrderReference: '', note: '' });
  const onSubmit = form.onSubmit(
    async (v) => {
      await gql(REQUEST, {
        input: { minorId, structureCode: v.structureCode, requestedAdmissionDate: v.requestedAdmissionDate, kind: v.kind, legalBasis: v.legalBasis || null, courtOrderReference: v.courtOrderReference.trim() || null, note: v.note.trim() || null },
      });
      onDone();
    },
    (v) => ({
      ...requireFields(v, ['structureCode', 'requestedAdmissionDate', 'kind'], t('required')),
      ...dateErrors(v, ['requestedAdmissionDate'], t('dateInvalid')),
      ...(v.legalBasis === 'COURT_ORDER' && !v.courtOrderReference.trim() ? { courtOrderReference: t('required') } : {}),
    }),
  );
  const options = (structures.data?.structures.nodes ?? [])
    .filter((s) => s.status === 'ACTIVE')
    .map((s) => ({ value: s.code, label: t('pickStructureOption', { name: s.name, type: labelOf(types, s.type), municipality: s.municipalityName ?? s.municipality, free: s.freePlaces ?? '?' }) }));
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="card" aria-label={t('requestPlacementTitle')}>
      <h2>{t('requestPlacementTitle')}</h2>
      <FormMessages form={form} />
      {structures.error ? <ErrorBox error={structures.error} /> : null}
      <SelectField form={form} name="structureCode" label={t('pickStructure')} required options={options} />
      <DateField form={form} name="requestedAdmissionDate" label={t('requestDate')} required />
      <SelectField form={form} name="kind" label={t('requestKind')} required options={kinds.map((c) => ({ value: c.code, label: c.label }))} />
      <SelectField form={form} name="legalBasis" label={t('requestLegalBasis')} options={bases.map((c) => ({ value: c.code, label: c.label }))} />
      <TextField form={form} name="courtOrderReference" label={t('courtOrderReference')} required={form.values.legalBasis === 'COURT_ORDER'} />
      <TextAreaField form={form} name="note" label={t('requestNote')} />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('requestPlacementSubmit')}</SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('requestDeclineCancel')}
        </button>
      </div>
    </form>
  );
}
