import { useEffect, useRef, useState } from 'react';
import { gql, HubRequestError, loadMunicipalities, type MunicipalityCode } from '../api';
import { MunicipalityField, municipalityErrors, municipalityName, useMunicipalities } from '../components/MunicipalityField';
import { CountryField, countryErrors } from '../components/CountryField';
import { CheckboxField, dateErrors, DateField, FormMessages, loadDraftState, saveDraftState, requireFields, SelectField, SubmitButton, TextField, type FieldErrors, type FormState, useForm } from '../components/form';
import { placesOf } from '../capacity';
import { todayInRome } from '../dates';
import { useQuery } from '../useQuery';
import { birthDateFromCode, checkFiscalCode, cleanFiscalCode, type FiscalCodeState } from '../fiscalCode';
import { setFlash } from '../flash';
import { useI18n, type Translate } from '../i18n';
import { Link, navigate, PATHS, useSearch } from '../router';
import { UserMessage } from '../components/errorMessage';
import { admissionFromRequest, requestRefusal, usePendingRequest } from './admitOnRequest';
import { ErrorBox, Loading, PageTitle } from './common';
import { useCodes } from './Guests';
import { graphql } from '../generated';
import type { OtherIdentifierKind, PlacementKind, Sex } from '../generated/graphql';

const LOOKUP = graphql(`query LookUpMinor($fiscalCode: String!) {
  minorByFiscalCode(fiscalCode: $fiscalCode) { minorId minor { id firstName lastName } }
}`);
const REGISTER = graphql(`mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }`);
const ADMIT = graphql(`mutation AdmitMinor($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }`);
/** The structure's places today, shown before anything is typed (issue 18 item 7). */
const PLACES = graphql(`query StructurePlaces($code: ID!, $today: Date!) { structure(code: $code) { capacity emergencyCapacity placements(activeOn: $today) { id kind } } }`);

/** Is the minor hosted here on that date? Asked after a lost reply (did the admission go through?) and after PLACEMENT_OVERLAP (here or elsewhere?). */
const HOSTED_HERE = graphql(`query HostedHere($code: ID!, $on: Date!) { structure(code: $code) { placements(activeOn: $on) { id minor { id } } } }`);

async function placementHere(structureCode: string, minorId: string, on: string): Promise<string | null> {
  const r = await gql(HOSTED_HERE, { code: structureCode, on });
  return r.data.structure?.placements?.find((p) => p.minor?.id === minorId)?.id ?? null;
}

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
      return { text: t('fiscalCodeCheck'), invalid: true };
    case 'ok':
      return { text: t('fiscalCodeOk'), invalid: false };
  }
}

function fiscalCodeError(t: Translate, raw: string, required: boolean): FieldErrors {
  const state = checkFiscalCode(raw);
  if (state.status === 'empty') return required ? { fiscalCode: t('required') } : {};
  if (state.status === 'ok') return {};
  if (state.status === 'check') return { fiscalCode: t('fiscalCodeCheck') };
  return { fiscalCode: t('fiscalCodeFormat') };
}

/**
 * The birth municipality checked against the place written in the fiscal code
 * (issue 18 item 6; SINBA refuses the same mismatch, rules/minorRegistration.ts).
 */
export function birthPlaceStatus(t: Translate, fiscal: FiscalCodeState, chosen: string, list: readonly MunicipalityCode[] | null): { text: string; invalid: boolean } | null {
  if (fiscal.status !== 'ok' || !list || !/^\d{6}$/.test(chosen)) return null;
  const place = fiscal.birth.placeCode;
  const m = list.find((x) => x.code === chosen);
  if (!m?.cadastralCode) return null;
  if (m.cadastralCode === place) return { text: t('birthMunicipalityFromCode'), invalid: false };
  if (place.startsWith('Z')) return { text: t('birthMunicipalityAbroad'), invalid: true };
  const written = list.find((x) => x.cadastralCode === place);
  return written ? { text: t('birthMunicipalityMismatch', { name: municipalityName(written) }), invalid: true } : null;
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

/**
 * `requestId`: opened from the inbox on a pending placement request (issue 14):
 * straight to the admission step, prefilled from the request, and the
 * admission names the request it fulfils (docs/privacy.md §3a).
 */
export function Admit({ structureCode, requestId }: { structureCode: string; requestId?: string }) {
  const { t } = useI18n();
  const pending = usePendingRequest(t, requestId);
  // The minor found or registered survives a reload, like the forms' drafts (issue 18 item 4).
  const [draftFound, setFoundState] = useState<Found | null>(() => (requestId ? null : loadDraftState<Found>('admit.found')));
  const found: Found | null = !requestId
    ? draftFound
    : pending.status === 'found'
      ? { minorId: pending.request.minor?.id ?? '', name: pending.name, message: `${t('requestFound', { name: pending.name })} ${t('requestAdmitIntro', { service: pending.request.requestedBy })}` }
      : null;
  const setFound = (f: Found | null) => {
    setFoundState(f);
    saveDraftState('admit.found', f);
  };
  // The step is in the address (?step=register), so the browser's Back goes to the previous step.
  const urlStep = new URLSearchParams(useSearch()).get('step');
  const step: Step = requestId ? 'admission' : urlStep === 'register' ? 'register' : urlStep === 'admission' && found ? 'admission' : 'lookup';
  const setStep = (s: Step) => navigate(requestId ? PATHS.requests : s === 'lookup' ? PATHS.admit : `${PATHS.admit}?step=${s}`);
  const [hostedHere, setHostedHere] = useState<string | null>(null);
  const placesQuery = useQuery(PLACES, { code: structureCode, today: todayInRome() }, `${structureCode}/places`);
  const ps = placesQuery.data?.structure;
  const places = ps ? placesOf(ps.capacity, ps.emergencyCapacity, (ps.placements ?? []).map((p) => p.kind)) : null;
  const lookup = useForm({ fiscalCode: '', noFiscalCode: false }, { draft: 'admit.lookup' });
  const registration = useForm(EMPTY_REGISTRATION, { draft: 'admit.registration' });
  const admissionDraft = requestId ? `admit.request.${requestId}` : 'admit.admission';
  const admission = useForm({ admissionDate: todayInRome(), kind: '', referringService: '', legalBasis: '', courtOrderReference: '' }, { draft: admissionDraft });
  // Prefilled from the request once it has loaded, unless a draft of this admission was already typed.
  useEffect(() => {
    if (pending.status === 'found' && !admission.values.kind) admission.setValues(admissionFromRequest(pending.request, todayInRome()));
  }, [pending.status]);
  // Focus to the new step's heading (not on the first render: the page's h1 has it then).
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    document.getElementById(`step-${step}`)?.focus();
  }, [step]);

  const toRegistration = (fiscalCode: string) => {
    const state = checkFiscalCode(fiscalCode);
    // A draft is kept for the same minor only: another fiscal code starts an empty registration.
    const base = registration.values.fiscalCode === fiscalCode ? registration.values : EMPTY_REGISTRATION;
    const update: Partial<typeof EMPTY_REGISTRATION> = { ...base, fiscalCode };
    if (state.status === 'ok') {
      if (!base.birthDate) update.birthDate = birthDateFromCode(state.birth, todayInRome());
      if (!base.sex) update.sex = state.birth.sex;
    }
    registration.setValues(update);
    setStep('register');
    // The birth municipality written in the code (its cadastral code), when the operator has not chosen one.
    if (state.status === 'ok' && !state.birth.placeCode.startsWith('Z') && !base.birthMunicipality) {
      loadMunicipalities()
        .then((list) => {
          const m = list.find((x) => x.cadastralCode === state.birth.placeCode);
          if (m) registration.setValues({ birthMunicipality: m.code });
        })
        .catch(() => undefined);
    }
  };

  const onLookup = lookup.onSubmit(
    async (v) => {
      if (v.noFiscalCode) {
        toRegistration('');
        return;
      }
      const r = await gql(LOOKUP, { fiscalCode: cleanFiscalCode(v.fiscalCode) });
      const match = r.data.minorByFiscalCode;
      if (!match) {
        registration.setNotice(t('lookupNotFound'));
        toRegistration(cleanFiscalCode(v.fiscalCode));
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
        fiscalCode: cleanFiscalCode(v.fiscalCode) || null,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        birthDate: v.birthDate,
        sex: v.sex as Sex,
        citizenship: v.citizenship.trim(),
        birthMunicipality: v.birthMunicipality.trim() || null,
        residenceMunicipality: v.residenceMunicipality.trim() || null,
        unaccompanied: v.unaccompanied,
        otherIdentifier: v['otherIdentifier.kind']
          ? { kind: v['otherIdentifier.kind'] as OtherIdentifierKind, value: v['otherIdentifier.value'].trim(), issuingCountry: v['otherIdentifier.issuingCountry'].trim() || null }
          : null,
      };
      try {
        const r = await gql(REGISTER, { input });
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
      ...dateErrors(v, ['birthDate'], t('dateInvalid')),
      ...municipalityErrors(v, ['birthMunicipality', 'residenceMunicipality'], t('municipalityPick')),
      ...countryErrors(v, ['citizenship', 'otherIdentifier.issuingCountry'], t('countryPick')),
      ...fiscalCodeError(t, v.fiscalCode, false),
    }),
  );

  const onAdmit = admission.onSubmit(
    async (v) => {
      if (!found) return;
      setHostedHere(null);
      let r;
      try {
        r = await gql(ADMIT, {
        input: {
          ...(requestId ? { requestId } : {}),
          minorId: found.minorId,
          structureCode,
          admissionDate: v.admissionDate,
          kind: v.kind as PlacementKind,
          referringService: v.referringService.trim() || null,
          legalBasis: v.legalBasis || null,
          courtOrderReference: v.courtOrderReference.trim() || null,
        },
      });
      } catch (err) {
        if (!(err instanceof HubRequestError)) throw err;
        if (err.network) {
          // The reply was lost: the admission may have been stored. Ask before saying "riprova" (issue 18 item 3).
          let here: string | null;
          try {
            here = await placementHere(structureCode, found.minorId, v.admissionDate);
          } catch {
            throw new UserMessage(t('lostReplyUnknown'));
          }
          if (!here) throw new UserMessage(t('lostReplyNotSaved'));
          setFlash(`${t('lostReplySaved')} ${t('admitted')}`);
          saveDraftState(admissionDraft, null);
          saveDraftState('admit.found', null);
          navigate(PATHS.placement(here));
          return;
        }
        if (err.code === 'PLACEMENT_OVERLAP') {
          // Hosted here already (open that placement) or by another structure (the case-holding service arranges a transfer)?
          const here = await placementHere(structureCode, found.minorId, v.admissionDate).catch(() => null);
          if (here) setHostedHere(here);
          throw new UserMessage(t(here ? 'overlapHere' : 'overlapElsewhere'));
        }
        // A minor in a service's care comes only on that service's request (docs/privacy.md §3a): say what to do.
        const why = requestRefusal(t, err);
        if (why) throw new UserMessage(why);
        throw err;
      }
      setFlash(t('admitted'));
      saveDraftState('admit.found', null);
      if (requestId) saveDraftState(admissionDraft, null);
      navigate(PATHS.placement(r.data.admitMinor.id));
    },
    (v) => ({
      ...requireFields(v, ['admissionDate', 'kind'], t('required')),
      ...dateErrors(v, ['admissionDate'], t('dateInvalid')),
      ...(v.legalBasis === 'COURT_ORDER' && !v.courtOrderReference.trim() ? { courtOrderReference: t('required') } : {}),
    }),
  );

  return (
    <>
      <PageTitle docTitle={`${t(step === 'lookup' ? 'stepLookup' : step === 'register' ? 'stepRegister' : 'stepAdmission')} – ${t('admitTitle')}`}>{t('admitTitle')}</PageTitle>
      <ol className="steps" aria-label={t('admitTitle')}>
        {(['lookup', 'register', 'admission'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'step-current' : undefined}>
            {t(s === 'lookup' ? 'stepLookup' : s === 'register' ? 'stepRegister' : 'stepAdmission')}
          </li>
        ))}
      </ol>
      {pending.status === 'loading' ? <Loading /> : null}
      {pending.status === 'error' ? <ErrorBox error={pending.error} /> : null}
      {pending.status === 'gone' ? (
        <div className="alert alert-error" role="alert">
          {t('requestNotFound')}
        </div>
      ) : null}
      {step === 'lookup' ? (
        places && places.free === 0 ? (
          <div className="alert alert-error" role="alert" data-testid="no-places">
            {t('placesNone', { occupied: places.occupied, places: places.places })}
          </div>
        ) : (
          <>
            {places ? (
              <p className="alert alert-info" data-testid="free-places">
                {t('placesFree', { free: places.free, places: places.places, freeOrdinary: places.freeOrdinary, freeEmergency: places.freeEmergency })}
              </p>
            ) : null}
            <LookupStep form={lookup} onSubmit={onLookup} />
          </>
        )
      ) : null}
      {step === 'register' ? <RegisterStep form={registration} onSubmit={onRegister} onBack={() => setStep('lookup')} /> : null}
      {step === 'admission' && found ? <AdmissionStep form={admission} found={found} hostedHere={hostedHere} onSubmit={onAdmit} onBack={() => setStep('lookup')} /> : null}
    </>
  );
}

function LookupStep({ form, onSubmit }: { form: FormState<{ fiscalCode: string; noFiscalCode: boolean }>; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void }) {
  const { t } = useI18n();
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-lookup">
      <h2 id="step-lookup" tabIndex={-1}>{t('stepLookup')}</h2>
      <p>{t('lookupIntro')}</p>
      <FormMessages form={form} />
      {form.values.noFiscalCode ? null : (
        <TextField form={form} name="fiscalCode" label={t('fiscalCode')} hint={t('fiscalCodeHint')} required maxLength={24} className="input-code" status={fiscalCodeStatus(t, checkFiscalCode(form.values.fiscalCode))} />
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
  const fiscal = checkFiscalCode(form.values.fiscalCode);
  const municipalities = useMunicipalities();
  const sexes = [
    { value: 'F', label: t('sexF') },
    { value: 'M', label: t('sexM') },
  ];
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-register">
      <h2 id="step-register" tabIndex={-1}>{t('stepRegister')}</h2>
      <FormMessages form={form} />
      <TextField form={form} name="fiscalCode" label={t('fiscalCode')} hint={t('fiscalCodeHint')} maxLength={24} className="input-code" status={fiscalCodeStatus(t, checkFiscalCode(form.values.fiscalCode))} />
      <div className="row">
        <TextField form={form} name="lastName" label={t('lastName')} required maxLength={100} />
        <TextField form={form} name="firstName" label={t('firstName')} required maxLength={100} />
      </div>
      <div className="row">
        <DateField form={form} name="birthDate" label={t('birthDate')} required />
        <SelectField form={form} name="sex" label={t('sex')} required options={sexes} status={fiscal.status === 'ok' && form.values.sex && form.values.sex !== fiscal.birth.sex ? { text: t('sexMismatch'), invalid: true } : null} />
      </div>
      <CountryField form={form} name="citizenship" label={t('citizenship')} required />
      <div className="row">
        <MunicipalityField form={form} name="birthMunicipality" label={t('birthMunicipality')} status={birthPlaceStatus(t, fiscal, form.values.birthMunicipality, municipalities)} />
        <MunicipalityField form={form} name="residenceMunicipality" label={t('residenceMunicipality')} />
      </div>
      <CheckboxField form={form} name="unaccompanied" label={t('unaccompanied')} />
      <fieldset className="fieldset">
        <legend>{t('otherIdentifier')}</legend>
        <SelectField form={form} name="otherIdentifier.kind" label={t('otherIdentifierKind')} options={OTHER_IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }))} />
        {form.values['otherIdentifier.kind'] ? (
          <div className="row">
            <TextField form={form} name="otherIdentifier.value" label={t('otherIdentifierValue')} required maxLength={30} className="input-code" />
            <CountryField form={form} name="otherIdentifier.issuingCountry" label={t('otherIdentifierCountry')} hint={t('otherIdentifierCountryHint')} />
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

function AdmissionStep({ form, found, hostedHere, onSubmit, onBack }: { form: FormState<AdmissionValues>; found: Found; hostedHere: string | null; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; onBack: () => void }) {
  const { t } = useI18n();
  const kinds = useCodes('PLACEMENT_KIND');
  const bases = useCodes('LEGAL_BASIS');
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="step-admission">
      <h2 id="step-admission" tabIndex={-1}>{t('stepAdmission')}</h2>
      <div className="alert alert-info" role="status">
        {found.message}
      </div>
      <FormMessages form={form} />
      {hostedHere && form.formError ? (
        <p>
          <Link to={PATHS.placement(hostedHere)}>{t('overlapHereLink')}</Link>
        </p>
      ) : null}
      <DateField form={form} name="admissionDate" label={t('admissionDate')} required />
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
