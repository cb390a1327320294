import { HubRequestError } from '../api';
import { storeToken } from '../auth';
import { FormMessages, requireFields, SubmitButton, TextField, useForm } from '../components/form';
import { useI18n } from '../i18n';

/**
 * Development sign-in as a social worker of a service (issue 14 item 6): a
 * SOCIAL_WORKER token from the gateway's POST /dev/token for the service id
 * typed (the demo data's service is S-RM-01). Shown under the structures'
 * sign-in form, only where the development route exists.
 */
export function ServiceSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const form = useForm({ serviceId: '' });
  const onSubmit = form.onSubmit(
    async (v) => {
      const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'SOCIAL_WORKER', serviceId: v.serviceId.trim() }) });
      const body = (await res.json().catch(() => ({}))) as { token?: string; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
      if (!res.ok || !body.token) throw new HubRequestError(body.errors ?? [{ message: `HTTP ${res.status}` }]);
      storeToken(body.token);
      onSignedIn();
    },
    (v) => requireFields({ serviceId: v.serviceId.trim() }, ['serviceId'], t('required')),
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="card" aria-label={t('serviceSignInTitle')}>
      <h2>{t('serviceSignInTitle')}</h2>
      <p>{t('serviceSignInIntro')}</p>
      <FormMessages form={form} />
      <TextField form={form} name="serviceId" label={t('serviceSignInService')} hint={t('serviceSignInHint')} required maxLength={40} className="input-code" />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('serviceSignInButton')}</SubmitButton>
      </div>
    </form>
  );
}
