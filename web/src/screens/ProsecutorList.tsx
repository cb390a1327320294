import { downloadWithToken, HubRequestError } from '../api';
import { UserMessage } from '../components/errorMessage';
import { FormMessages, requireFields, SelectField, SubmitButton, useForm } from '../components/form';
import { todayInRome } from '../dates';
import { useI18n } from '../i18n';
import { PageTitle } from './common';

/**
 * The six-monthly list for the juvenile prosecutor (art. 9 L. 184/1983), from
 * the gateway's GET /reports/prosecutor-list/:structureCode/:year/:half.csv|.pdf.
 * The download needs the token, so it is a fetch + blob, not a plain link.
 */
export function prosecutorListUrl(structureCode: string, year: string, half: string, format: string): string {
  return `/reports/prosecutor-list/${encodeURIComponent(structureCode)}/${encodeURIComponent(year)}/${encodeURIComponent(half)}.${format}`;
}

export function ProsecutorList({ structureCode }: { structureCode: string }) {
  const { t } = useI18n();
  const today = todayInRome();
  const thisYear = Number(today.slice(0, 4));
  // Default: the last half-year that has ended.
  const month = Number(today.slice(5, 7));
  const form = useForm({ year: String(month > 6 ? thisYear : thisYear - 1), half: month > 6 ? '1' : '2', format: 'pdf' }, { draft: 'prosecutor-list' });
  const onSubmit = form.onSubmit(
    async (v) => {
      const url = prosecutorListUrl(structureCode, v.year, v.half, v.format);
      const r = await downloadWithToken(url, `elenco-procura-${structureCode}-${v.year}-${v.half}.${v.format}`);
      if (r.ok) form.setNotice(t('downloaded', { name: r.filename }));
      else if (r.errors.length > 0) throw new HubRequestError(r.errors);
      else throw new UserMessage(t('downloadFailed', { status: r.status }));
    },
    (v) => requireFields(v, ['year', 'half', 'format'], t('required')),
  );
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <>
      <PageTitle>{t('prosecutorTitle')}</PageTitle>
      <p>{t('prosecutorIntro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label={t('prosecutorTitle')}>
        <FormMessages form={form} />
        <div className="row">
          <SelectField form={form} name="year" label={t('year')} required options={years.map((y) => ({ value: y, label: y }))} />
          <SelectField form={form} name="half" label={t('half')} required options={[{ value: '1', label: t('half1') }, { value: '2', label: t('half2') }]} />
          <SelectField form={form} name="format" label={t('format')} required options={[{ value: 'pdf', label: 'PDF' }, { value: 'csv', label: 'CSV' }]} />
        </div>
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('downloadButton')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
