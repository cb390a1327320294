import { useState } from 'react';
import { gql, HubRequestError } from '../api';
import { CheckboxField, FormMessages, requireFields, SelectField, SubmitButton, TextField, useForm, type FieldErrors, type FormState } from '../components/form';
import { todayInRome } from '../dates';
import { birthDateFromCode, checkFiscalCode, type FiscalCodeState } from '../fiscalCode';
import { setFlash } from '../flash';
import { useI18n, type Translate } from '../i18n';
import { navigate, PATHS } from '../router';
import { PageTitle } from './common';
import { useCodes } from './Guests';

const LOOKUP = `query LookUpMinor($fiscalCode: String!) {
  minorByFiscalCode(fiscalCode: $fiscalCode) { minorId minor { id firstName lastName } }
}`;
const REGISTER = `mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }`;
const ADMIT = `mutation AdmitMinor($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }`;

/** The live message under the fiscal-code field; invalid only when the code cannot be right. */
export function fiscalCodeStatus(t: Translate, state: FiscalCodeState): { text: string; invalid: boolean } | null {
  switch (state.status) {
    case 'empty':
      return null;
    case 'typing':
      return { text: t('fiscalCodeTyping', { n: state.length }), invalid: false };
    case 'format':
      return { text: t('fiscalCodeFormat'), invalid: true };
    case 'check':
      return { text: t('fiscalCodeCheck', { expected: state.expected }), invalid: true };
    case 'ok':
      return { text: t('fiscalCodeOk'), invalid: false };
  }
}

function fiscalCodeError(t: Translate, raw: string, required: boolean): FieldErrors {
  const state = checkFiscalCode(raw);
  if (state.status === 'empty') return required ? { fiscalCode: t('required') } : {};
  if (state.status === 'ok') return {};
  if (state.status === 'check') return { fiscalCode: t('fiscalCodeCheck', { expected: state.expected }) };
  return { fiscalCode: t('fiscalCodeFormat') };
}

type Step = 'lookup' | 'register' | 'admission';
interface Found {
  readonly minorId: string;
  readonly name: string | null;
  readonly message: string;
}

/** The other-identifier fields are named as the hub's input paths, so an error's `extensions.field` lands on them. */
const EMPTY_REGISTRATION = {
  fiscalCode: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: '',
  citizenship: '100',
  birthMunicipality: '',
  residenceMunicipality: '',
  unaccompanied: false,
  'otherIdentifier.kind': '',
  'otherIdentifier.value': '',
  'otherIdentifier.issuingCountry': '',
};
const OTHER_IDENTIFIER_KINDS = ['TEMPORARY_FISCAL_CODE', 'RESIDENCE_PERMIT', 'PASSPORT', 'FOREIGN_ID_DOCUMENT', 'OTHER'] as const;

export function Admit({ structureCode }: { structureCode: string }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>('lookup');
  const [found, setFound] = useState<Found | null>(null);
  const lookup = useForm({ fiscalCode: '', noFiscalCode: false });
  const registration = useForm(EMPTY_REGISTRATION);
  const admission = useForm({ admissionDate: todayInRome(), kind: '', referringService: '', legalBasis: '', courtOrderReference: '' });

  const toRegistration = (fiscalCode: string) => {
    const state = checkFiscalCode(fiscalCode);
    const update: Partial<typeof EMPTY_REGISTRATION> = { fiscalCode };
    if (state.status === 'ok') {
      if (!registration.values.birthDate) update.birthDate = birthDateFromCode(state.birth, todayInRome());
      if (!registration.values.sex) update.sex = state.birth.sex;
    }
    registration.setValues(update);
    setStep('register');
  };

  const onLookup = lookup.onSubmit(
    async (v) => {
      if (v.noFiscalCode) {
        toRegistration('');
        return;
      }
      const r = await gql<{ minorByFiscalCode: { minorId: string; minor: { firstName: string | null; lastName: string | null } | null } | null }>(LOOKUP, { fiscalCode: v.fiscalCode.trim().toUpperCase() });
      const match = r.data.minorByFiscalCode;
      if (!match) {
        registration.setNotice(t('lookupNotFound'));
        toRegistration(v.fiscalCode.trim().toUpperCase());
        return;
      }
      // A structure that does not host the minor yet sees only the id (docs/privacy.md §4): the names come back masked.
      const name = match.minor?.lastName ? `${match.minor.lastName} ${match.minor.firstName ?? ''}`.trim() : null;
      setFound({ minorId: match.minorId, name, message: name ? t('lookupFoundNamed', { name }) : t('lookupFound') });
      setStep('admission');
    },
    (v) => (v.noFiscalCode ? {} : fiscalCodeError(t, v.fiscalCode, true)),
  );

  const onRegister = registration.onSubmit(
    async (v) => {
      const input = {
        fiscalCode: v.fiscalCode.trim() ? v.fiscalCode.trim().toUpperCase() : null,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        birthDate: v.birthDate,
        sex: v.sex,
        citizenship: v.citizenship.trim(),
        birthMunicipality: v.birthMunicipality.trim() || null,
        residenceMunicipality: v.residenceMunicipality.trim() || null,
        unaccompanied: v.unaccompanied,
        otherIdentifier: v['otherIdentifier.kind']
          ? { kind: v['otherIdentifier.kind'], value: v['otherIdentifier.value'].trim(), issuingCountry: v['otherIdentifier.issuingCountry'].trim() || null }
          : null,
      };
      try {
        const r = await gql<{ registerMinor: { id: string } }>(REGISTER, { input });
        setFound({ minorId: r.data.registerMinor.id, name: `${input.lastName} ${input.firstName}`, message: t('registered') });
      } catch (err) {
        // docs/conventions.md: DUPLICATE_MINOR carries the existing minor's id; admit that one.
        const dup = err instanceof HubRequestError ? err.errors.find((e) => e.extensions?.code === 'DUPLICATE_MINOR') : undefined;
        if (!dup || typeof dup.extensions?.minorId !== 'string') throw err;
        setFound({ minorId: dup.extensions.minorId, name: null, message: t('duplicateUsed') });
      }
      setStep('admission');
    },
    (v) => ({
      ...requireFields(v, ['firstName', 'lastName', 'birthDate', 'sex', 'citizenship', ...(v['otherIdentifier.kind'] ? (['otherIdentifier.value'] as const) : [])], t('required')),
      ...fiscalCodeError(t, v.fiscalCode, false),
    }),
  );

  const onAdmit = admission.onSubmit(
    async (v) => {
      if (!found) return;
      const r = await gql<{ admitMinor: { id: string } }>(ADMIT, {
        input: {
          minorId: found.minorId,
          structureCode,
          admissionDate: v.admissionDate,
          kind: v.kind,
          referringService: v.referringService.trim() || null,
          legalBasis: v.legalBasis || null,
          courtOrderReference: v.courtOrderReference.trim() || null,
        },
      });
      setFlash(t('admitted'));
      navigate(PATHS.placement(r.data.admitMinor.id));
    },
    (v) => ({
      ...requireFields(v, ['admissionDate', 'kind'], t('required')),
      ...(v.legalBasis === 'COURT_ORDER' && !v.courtOrderReference.trim() ? { courtOrderReference: t('required') } : {}),
    }),
  );

  return (
    <>
      <PageTitle>{t('admitTitle')}</PageTitle>
      <ol className="steps" aria-label={t('admitTitle')}>
        {(['lookup', 'register', 'admission'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'step-current' : undefined}>
            {t(s === 'lookup' ? 'stepLookup' : s === 'register' ? 'stepRegister' : 'stepAdmission')}
          </li>
        ))}
      </ol>
      {step === 'lookup' ? <LookupStep form={lookup} onSubmit={onLookup} /> : null}
      {step === 'register' ? <RegisterStep form={registration} onSubmit={onRegister} onBack={() => setStep('lookup')} /> : null}
      {step === 'admission' && found ? <AdmissionStep form={admission} found={found} onSubmit={onAdmit} onBack={() => setStep('lookup')} /> : null}
    </>
  );
}

function LookupStep({ form, onSubmit }: { form: FormState<{ fiscalCode: string; noFiscalCode: boolean }>; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void }) {
  const { t } = useI18n();
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-lookup">
      <h2 id="step-lookup">{t('stepLookup')}</h2>
      <p>{t('lookupIntro')}</p>
      <FormMessages form={form} />
      {form.values.noFiscalCode ? null : (
        <TextField form={form} name="fiscalCode" label={t('fiscalCode')} hint={t('fiscalCodeHint')} required maxLength={16} className="input-code" status={fiscalCodeStatus(t, checkFiscalCode(form.values.fiscalCode))} />
      )}
      <CheckboxField form={form} name="noFiscalCode" label={t('noFiscalCode')} />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('lookupButton')}</SubmitButton>
      </div>
    </form>
  );
}

function RegisterStep({ form, onSubmit, onBack }: { form: FormState<typeof EMPTY_REGISTRATION>; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; onBack: () => void }) {
  const { t } = useI18n();
  const sexes = [
    { value: 'F', label: t('sexF') },
    { value: 'M', label: t('sexM') },
  ];
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-register">
      <h2 id="step-register">{t('stepRegister')}</h2>
      <FormMessages form={form} />
      <TextField form={form} name="fiscalCode" label={t('fiscalCode')} hint={t('fiscalCodeHint')} maxLength={16} className="input-code" status={fiscalCodeStatus(t, checkFiscalCode(form.values.fiscalCode))} />
      <div className="row">
        <TextField form={form} name="lastName" label={t('lastName')} required maxLength={100} />
        <TextField form={form} name="firstName" label={t('firstName')} required maxLength={100} />
      </div>
      <div className="row">
        <TextField form={form} name="birthDate" label={t('birthDate')} type="date" required />
        <SelectField form={form} name="sex" label={t('sex')} required options={sexes} />
      </div>
      <TextField form={form} name="citizenship" label={t('citizenship')} hint={t('citizenshipHint')} required inputMode="numeric" maxLength={3} className="input-short" />
      <div className="row">
        <TextField form={form} name="birthMunicipality" label={t('birthMunicipality')} hint={t('municipalityHint')} inputMode="numeric" maxLength={6} className="input-short" />
        <TextField form={form} name="residenceMunicipality" label={t('residenceMunicipality')} hint={t('municipalityHint')} inputMode="numeric" maxLength={6} className="input-short" />
      </div>
      <CheckboxField form={form} name="unaccompanied" label={t('unaccompanied')} />
      <fieldset className="fieldset">
        <legend>{t('otherIdentifier')}</legend>
        <SelectField form={form} name="otherIdentifier.kind" label={t('otherIdentifierKind')} options={OTHER_IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }))} />
        {form.values['otherIdentifier.kind'] ? (
          <div className="row">
            <TextField form={form} name="otherIdentifier.value" label={t('otherIdentifierValue')} required maxLength={30} className="input-code" />
            <TextField form={form} name="otherIdentifier.issuingCountry" label={t('otherIdentifierCountry')} hint={t('otherIdentifierCountryHint')} inputMode="numeric" maxLength={3} className="input-short" />
          </div>
        ) : null}
      </fieldset>
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('registerButton')}</SubmitButton>
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}

type AdmissionValues = { admissionDate: string; kind: string; referringService: string; legalBasis: string; courtOrderReference: string };

function AdmissionStep({ form, found, onSubmit, onBack }: { form: FormState<AdmissionValues>; found: Found; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; onBack: () => void }) {
  const { t } = useI18n();
  const kinds = useCodes('PLACEMENT_KIND');
  const bases = useCodes('LEGAL_BASIS');
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-admission">
      <h2 id="step-admission">{t('stepAdmission')}</h2>
      <div className="alert alert-info" role="status">
        {found.message}
      </div>
      <FormMessages form={form} />
      <TextField form={form} name="admissionDate" label={t('admissionDate')} type="date" required />
      <SelectField form={form} name="kind" label={t('kind')} required options={kinds.map((c) => ({ value: c.code, label: c.label }))} />
      <TextField form={form} name="referringService" label={t('referringService')} hint={t('referringServiceHint')} />
      <SelectField form={form} name="legalBasis" label={t('legalBasis')} options={bases.map((c) => ({ value: c.code, label: c.label }))} />
      <TextField form={form} name="courtOrderReference" label={t('courtOrderReference')} hint={t('courtOrderHint')} required={form.values.legalBasis === 'COURT_ORDER'} />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('admitButton')}</SubmitButton>
        <button type="button" className="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}
