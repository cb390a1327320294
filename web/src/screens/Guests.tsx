import { useEffect, useState } from 'react';
import { loadCodes, type Code } from '../api';
import { daysBetween, formatDate, todayInRome } from '../dates';
import { guestFlags, type GuestFlag } from '../flags';
import { DICTIONARIES, gendered, useI18n, type MessageKey, type Translate } from '../i18n';
import { Link, PATHS } from '../router';
import { useQuery } from '../useQuery';
import { ErrorBox, Loading, PageTitle, PlacesSummary } from './common';
import { graphql } from '../generated';

const GUESTS = graphql(`query TodaysGuests($code: ID!, $today: Date!) {
  structure(code: $code) {
    code name capacity emergencyCapacity
    occupancy(on: $today)
    placements(activeOn: $today) {
      id admissionDate kind qualityFlags
      minor { id firstName lastName birthDate sex unaccompanied }
      absences { kind startDate endDate }
    }
  }
}`);


export function flagText(t: Translate, f: GuestFlag, sex?: string | null): string {
  switch (f.kind) {
    case 'overLimit':
      return t('flagOverLimit', { months: f.months });
    case 'nearLimit':
      return t('flagNearLimit', { months: f.months, date: formatDate(f.limitDate) });
    case 'away':
      return t('flagAway', { date: formatDate(f.since) });
    case 'missing':
      return t('flagMissing', { date: formatDate(f.since) });
    case 'quality': {
      const key = `quality_${f.code}`;
      return key in DICTIONARIES.it ? gendered(t, key as MessageKey, sex) : f.code;
    }
  }
}

export function useCodes(list: string): readonly Code[] {
  const [codes, setCodes] = useState<readonly Code[]>([]);
  useEffect(() => {
    let live = true;
    loadCodes(list).then((c) => live && setCodes(c)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [list]);
  return codes;
}

export function labelOf(codes: readonly Code[], code: string | null | undefined): string {
  if (!code) return '—';
  return codes.find((c) => c.code === code)?.label ?? code;
}

export function Guests({ structureCode }: { structureCode: string }) {
  const { t } = useI18n();
  const today = todayInRome();
  const q = useQuery(GUESTS, { code: structureCode, today }, `${structureCode}/${today}`);
  const kinds = useCodes('PLACEMENT_KIND');
  const s = q.data?.structure;
  const placements = [...(s?.placements ?? [])].sort((a, b) => `${a.minor?.lastName ?? ''} ${a.minor?.firstName ?? ''}`.localeCompare(`${b.minor?.lastName ?? ''} ${b.minor?.firstName ?? ''}`, 'it'));
  return (
    <>
      <PageTitle>{t('guestsTitle')}</PageTitle>
      <p>{t('guestsIntro', { date: formatDate(today) })}</p>
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {q.data && !s ? <ErrorBox error={{ message: structureCode, extensions: { code: 'NOT_FOUND' } }} /> : null}
      {s ? (
        <>
          <PlacesSummary capacity={s.capacity} emergencyCapacity={s.emergencyCapacity} kinds={placements.map((p) => p.kind)} />
          {placements.length === 0 ? (
            <p>{t('guestsEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-cards">
                <caption className="visually-hidden">
                  {t('guestsTitle')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colBirthDate')}</th>
                    <th scope="col">{t('colAdmission')}</th>
                    <th scope="col" className="num">
                      {t('colDays')}
                    </th>
                    <th scope="col">{t('colKind')}</th>
                    <th scope="col">{t('colFlags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {placements.map((p) => {
                    const name = p.minor?.lastName || p.minor?.firstName ? `${p.minor?.lastName ?? ''} ${p.minor?.firstName ?? ''}`.trim() : t('notVisible');
                    const flags = guestFlags({ kind: p.kind, admissionDate: p.admissionDate, qualityFlags: p.qualityFlags, unaccompanied: p.minor?.unaccompanied ?? null, absences: p.absences }, today);
                    return (
                      <tr key={p.id} data-placement-id={p.id}>
                        <th scope="row">
                          <Link to={PATHS.placement(p.id)}>{name}</Link>
                        </th>
                        <td data-label={t('colBirthDate')}>{formatDate(p.minor?.birthDate)}</td>
                        <td data-label={t('colAdmission')}>{formatDate(p.admissionDate)}</td>
                        <td className="num" data-label={t('colDays')}>{daysBetween(p.admissionDate, today)}</td>
                        <td data-label={t('colKind')}>{labelOf(kinds, p.kind)}</td>
                        <td data-label={t('colFlags')} className={flags.length === 0 ? 'empty' : undefined}>
                          {flags.length === 0 ? null : (
                            <ul className="flags">
                              {flags.map((f) => (
                                <li key={f.kind === 'quality' ? f.code : f.kind} className={`flag flag-${f.kind}`}>
                                  {flagText(t, f, p.minor?.sex)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
