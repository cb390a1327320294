import { useState } from 'react';
import { dateErrors, DateField, FormMessages, requireFields, SubmitButton, useForm } from '../components/form';
import { formatDate, todayInRome } from '../dates';
import { useI18n } from '../i18n';
import { useQuery } from '../useQuery';
import { ErrorBox, Loading, PageTitle, PlacesSummary } from './common';
import { graphql } from '../generated';

const OCCUPANCY = graphql(`query Occupancy($code: ID!, $on: Date!) {
  structure(code: $code) { code capacity emergencyCapacity occupancy(on: $on) placements(activeOn: $on) { id kind } }
}`);

/** Minors hosted on a date against the authorised places (ordinary + emergency, the pool ASMI's STRUCTURE_FULL rule uses). */
export function Occupancy({ structureCode }: { structureCode: string }) {
  const { t } = useI18n();
  const [on, setOn] = useState(todayInRome());
  const form = useForm({ date: on });
  const onSubmit = form.onSubmit(async (v) => setOn(v.date), (v) => ({ ...requireFields(v, ['date'], t('required')), ...dateErrors(v, ['date'], t('dateInvalid')) }));
  const q = useQuery(OCCUPANCY, { code: structureCode, on }, `${structureCode}/${on}`);
  const s = q.data?.structure;
  const places = s ? s.capacity + s.emergencyCapacity : 0;
  const occupied = s?.occupancy ?? 0;
  return (
    <>
      <PageTitle>{t('occupancyTitle')}</PageTitle>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="inline-form" aria-label={t('occupancyTitle')}>
        <FormMessages form={form} />
        <DateField form={form} name="date" label={t('occupancyDate')} required />
        <SubmitButton busy={form.busy}>{t('occupancyShow')}</SubmitButton>
      </form>
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {s ? (
        <section className="card" aria-labelledby="occupancy-result">
          <h2 id="occupancy-result">{formatDate(on)}</h2>
          <p className="big-number" data-testid="occupancy">
            {occupied} / {places}
          </p>
          <label htmlFor="occupancy-meter">{t('occupancyMeter')}</label>
          <meter id="occupancy-meter" min={0} max={Math.max(places, 1)} low={Math.max(s.capacity - 1, 0)} high={s.capacity} optimum={0} value={occupied}>
            {occupied} / {places}
          </meter>
          <PlacesSummary capacity={s.capacity} emergencyCapacity={s.emergencyCapacity} kinds={(s.placements ?? []).map((p) => p.kind)} />
          <p>{occupied > places ? t('occupancyOver') : t('occupancyFree', { free: places - occupied })}</p>
        </section>
      ) : null}
    </>
  );
}
