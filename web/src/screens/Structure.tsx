import { useState, type MouseEvent } from 'react';
import { downloadWithToken } from '../api';
import { formatDate } from '../dates';
import { useI18n, type MessageKey } from '../i18n';
import { useQuery } from '../useQuery';
import { ErrorBox, Loading, PageTitle } from './common';
import { labelOf, useCodes } from './Guests';
import { municipalityName, useMunicipalities } from '../components/MunicipalityField';
import type { MunicipalityCode } from '../api';
import { graphql } from '../generated';

/** "Roma (RM) – ISTAT 058091": the name, with the code kept for whoever needs it (issue 18 item 8). */
function municipalityLabel(list: readonly MunicipalityCode[] | null, code: string): string {
  const m = list?.find((x) => x.code === code);
  return m ? `${municipalityName(m)} – ISTAT ${code}` : code;
}

const STRUCTURE = graphql(`query OwnStructure($code: ID!) {
  structure(code: $code) {
    code name type municipality province address managingEntity capacity emergencyCapacity minAge maxAge status contactEmail
    acts { id kind number date validFrom validTo issuingBody document { filename sizeBytes version } }
    inspections { id date authority outcome followUpDueDate followUpDoneDate }
  }
}`);


/** The structure's own page of the registry (ASSO): PUBLIC data, plus its REGISTRY data (own structure, docs/privacy.md §4). */
export function Structure({ structureCode }: { structureCode: string }) {
  const { t } = useI18n();
  const q = useQuery(STRUCTURE, { code: structureCode }, structureCode);
  const types = useCodes('STRUCTURE_TYPE');
  const actKinds = useCodes('ACT_KIND');
  const authorities = useCodes('INSPECTION_AUTHORITY');
  const outcomes = useCodes('INSPECTION_OUTCOME');
  const [downloadMessage, setDownloadMessage] = useState<string | null>(null);
  const s = q.data?.structure;
  const municipalities = useMunicipalities();

  const download = (actId: string, filename: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void downloadWithToken(`/documents/acts/${encodeURIComponent(actId)}`, filename).then((r) =>
      setDownloadMessage(r.ok ? t('downloaded', { name: r.filename }) : t('downloadFailed', { status: r.status })),
    );
  };

  return (
    <>
      <PageTitle>{s ? s.name : t('structureTitle')}</PageTitle>
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {s ? (
        <>
          <section className="card" aria-labelledby="registry-title">
            <h2 id="registry-title">{t('structureTitle')}</h2>
            <dl className="facts">
              <dt>{t('structureCode')}</dt>
              <dd>{s.code}</dd>
              <dt>{t('structureStatus')}</dt>
              <dd>
                <span className={`badge badge-${s.status.toLowerCase()}`} data-testid="status">
                  {t(`status_${s.status}` as MessageKey)}
                </span>
              </dd>
              <dt>{t('structureType')}</dt>
              <dd>{labelOf(types, s.type)}</dd>
              <dt>{t('municipality')}</dt>
              <dd data-testid="municipality">{municipalityLabel(municipalities, s.municipality)}</dd>
              <dt>{t('address')}</dt>
              <dd>{s.address ?? '—'}</dd>
              <dt>{t('managingEntity')}</dt>
              <dd>{s.managingEntity ?? '—'}</dd>
              <dt>{t('capacity')}</dt>
              <dd>{s.capacity}</dd>
              <dt>{t('emergencyCapacity')}</dt>
              <dd>{s.emergencyCapacity}</dd>
              <dt>{t('ageRange')}</dt>
              <dd>{t('ageRangeValue', { min: s.minAge ?? 0, max: s.maxAge ?? 21 })}</dd>
              <dt>{t('contactEmail')}</dt>
              <dd>{s.contactEmail ?? '—'}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="acts-title">
            <h2 id="acts-title">{t('actsTitle')}</h2>
            {downloadMessage ? (
              <p role="status" className="alert alert-info">
                {downloadMessage}
              </p>
            ) : null}
            {s.acts.length === 0 ? (
              <p>{t('actsEmpty')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('actKind')}</th>
                    <th scope="col">{t('actNumber')}</th>
                    <th scope="col">{t('actDate')}</th>
                    <th scope="col">{t('actValidity')}</th>
                    <th scope="col">{t('actDocument')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...s.acts]
                    .sort((a, b) => b.date.localeCompare(a.date))
                    .map((a) => (
                      <tr key={a.id}>
                        <td>{labelOf(actKinds, a.kind)}</td>
                        <td>{a.number}</td>
                        <td>{formatDate(a.date)}</td>
                        <td>{a.validTo ? t('actValidFromTo', { from: formatDate(a.validFrom), to: formatDate(a.validTo) }) : t('actValidFrom', { from: formatDate(a.validFrom) })}</td>
                        <td>
                          {a.document ? (
                            <a href={`/documents/acts/${encodeURIComponent(a.id)}`} onClick={download(a.id, a.document.filename)} aria-label={t('download', { name: a.document.filename })}>
                              {a.document.filename} ({Math.ceil(a.document.sizeBytes / 1024)} KB)
                            </a>
                          ) : (
                            t('noDocument')
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>
          {s.inspections ? (
            <section className="card" aria-labelledby="inspections-title">
              <h2 id="inspections-title">{t('inspectionsTitle')}</h2>
              {s.inspections.length === 0 ? (
                <p>{t('inspectionsEmpty')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('actDate')}</th>
                      <th scope="col">{t('inspectionAuthority')}</th>
                      <th scope="col">{t('inspectionOutcome')}</th>
                      <th scope="col">{t('followUpDue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.inspections.map((i) => (
                      <tr key={i.id}>
                        <td>{formatDate(i.date)}</td>
                        <td>{labelOf(authorities, i.authority)}</td>
                        <td>{labelOf(outcomes, i.outcome)}</td>
                        <td>{i.followUpDueDate ? `${formatDate(i.followUpDueDate)}${i.followUpDoneDate ? ` ✓ ${formatDate(i.followUpDoneDate)}` : ''}` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
