import { useEffect, useState } from 'react';
import { gql, HubRequestError } from '../api';
import { storeToken } from '../auth';
import { FormMessages, requireFields, SelectField, SubmitButton, TextField, useForm } from '../components/form';
import { useI18n, type MessageKey } from '../i18n';
import { PageTitle } from './common';
import { ServiceSignIn } from './ServiceSignIn';
import { graphql } from '../generated';
import type { SignInStructuresQuery } from '../generated/graphql';

const STRUCTURES = graphql(`query SignInStructures($filter: StructureFilter, $first: Int) {
  structures(filter: $filter, first: $first) { nodes { code name municipality status } }
}`);

type StructureItem = SignInStructuresQuery['structures']['nodes'][number];

/**
 * Development: pick a structure and get a development token from the
 * gateway's POST /dev/token (absent in production and with a real JWT
 * secret). Production: the regional identity provider signs the operator in
 * (README "Web client for structures"); this page only says so.
 */
export function SignIn({ onSignedIn, expired }: { onSignedIn: () => void; expired: boolean }) {
  const { t } = useI18n();
  const [devAvailable, setDevAvailable] = useState<boolean | null>(null);
  const [structures, setStructures] = useState<StructureItem[]>([]);
  const form = useForm({ name: '', structureCode: '' });

  useEffect(() => {
    fetch('/dev/token', { headers: { accept: 'application/json' } })
      .then((r) => setDevAvailable(r.ok))
      .catch(() => setDevAvailable(false));
  }, []);

  const name = form.values.name.trim();
  useEffect(() => {
    if (!devAvailable) return;
    let live = true;
    const timer = setTimeout(() => {
      gql(STRUCTURES, { filter: name ? { name } : null, first: 100 })
        .then((r) => live && setStructures(r.data.structures.nodes))
        .catch(() => live && setStructures([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [devAvailable, name]);

  const onSubmit = form.onSubmit(
    async (v) => {
      const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ structureCode: v.structureCode }) });
      const body = (await res.json().catch(() => ({}))) as { token?: string; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
      if (!res.ok || !body.token) {
        throw new HubRequestError(body.errors ?? [{ message: `HTTP ${res.status}` }]);
      }
      storeToken(body.token);
      onSignedIn();
    },
    (v) => requireFields(v, ['structureCode'], t('required')),
  );

  return (
    <>
      <PageTitle>{t('signInTitle')}</PageTitle>
      {expired ? (
        <div className="alert alert-info" role="status">
          {t('sessionExpired')}
        </div>
      ) : null}
      {devAvailable === false ? (
        <section className="card">
          <p>{t('signInProduction')}</p>
          <p>
            <a className="button button-primary" href="/">
              {t('signInProductionLink')}
            </a>
          </p>
        </section>
      ) : null}
      {devAvailable ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="card" aria-label={t('signInTitle')}>
          <p>{t('signInDevIntro')}</p>
          <FormMessages form={form} />
          <TextField form={form} name="name" label={t('signInFilter')} />
          <SelectField form={form} name="structureCode" label={t('signInStructure')} required options={structures.map((s) => ({ value: s.code, label: `${s.name} (${s.code}, ${t(`status_${s.status}` as MessageKey)})` }))} />
          <div className="actions">
            <SubmitButton busy={form.busy}>{t('signInButton')}</SubmitButton>
          </div>
        </form>
      ) : null}
      {devAvailable ? <ServiceSignIn onSignedIn={onSignedIn} /> : null}
    </>
  );
}
