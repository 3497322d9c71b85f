import { useState } from 'preact/hooks';
import { ApiFailure, api, ok } from '../api';
import { roleName } from '../format';
import { t } from '../i18n';
import { go } from '../router';
import { me, passwordChanged } from '../session';
import { FormError, FormScope } from '../ui/form';
import { TextInput } from '../ui/inputs';
import { Page, useAction } from '../ui/kit';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * Current password, new one, the new one again; POST /auth/password. The repeat is checked
 * here (the API never sees it), shown at its field as the API's refusals are at theirs.
 */
function PasswordForm(props: { submitLabel: string; onDone: () => void }) {
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();
  const field = (k: keyof typeof empty) => ({
    name: k,
    value: form[k],
    onValue: (v: string) => setForm({ ...form, [k]: v }),
    type: 'password' as const,
    required: true,
  });
  const failure = mismatch
    ? new ApiFailure(400, 'VALIDATION_FAILED', t('passwordsDiffer'), [
        { field: 'repeat', code: 'custom', message: t('passwordsDiffer') },
      ])
    : action.failure;
  const submit = async (e: Event) => {
    e.preventDefault();
    action.clear();
    if (form.newPassword !== form.repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const { currentPassword, newPassword } = form;
    const done = await action.run(async () => {
      await ok(api.auth.password.$post({ json: { currentPassword, newPassword } }));
      return true;
    });
    if (done) {
      setForm(empty);
      props.onDone();
    }
  };
  return (
    <form class="stack" id="password-form" onSubmit={submit} noValidate>
      <FormScope failure={failure}>
        <TextInput
          label={t('currentPassword')}
          {...field('currentPassword')}
          autoComplete="current-password"
        />
        <TextInput
          label={t('newPassword')}
          {...field('newPassword')}
          autoComplete="new-password"
          help={t('newPasswordHelp')}
        />
        <TextInput label={t('repeatPassword')} {...field('repeat')} autoComplete="new-password" />
        <button type="submit" class="primary" disabled={action.busy}>
          {props.submitLabel}
        </button>
        <FormError failure={failure} />
      </FormScope>
    </form>
  );
}

/** Before anything else: a password someone else set (HR, a reset) is replaced by the person's own. */
export function FirstPasswordView() {
  return (
    <Page title={t('choosePassword')}>
      <section class="card narrow stack">
        <p>{t('choosePasswordWhy', { name: me.value?.user.name ?? '' })}</p>
        <PasswordForm
          submitLabel={t('saveAndContinue')}
          onDone={() => {
            passwordChanged();
            go('#/');
          }}
        />
      </section>
    </Page>
  );
}

/** 我的账号: who is signed in, and changing one's password (other sign-ins end). */
export function AccountView() {
  const [done, setDone] = useState(false);
  const who = me.value;
  if (!who) return null;
  return (
    <Page title={t('account')}>
      <section class="card narrow" id="account-facts">
        <dl class="facts-list">
          <dt>{t('name')}</dt>
          <dd>{who.user.name}</dd>
          <dt>{t('email')}</dt>
          <dd>{who.user.email}</dd>
          <dt>{t('role')}</dt>
          <dd>{roleName(who.user.role)}</dd>
          <dt>{t('companyName')}</dt>
          <dd>{who.tenant.name}</dd>
          <dt>{t('slug')}</dt>
          <dd>{who.tenant.slug}</dd>
        </dl>
      </section>
      <section class="card narrow stack">
        <h2>{t('changePassword')}</h2>
        <PasswordForm submitLabel={t('changePassword')} onDone={() => setDone(true)} />
        <p id="password-done" role="status">
          {done ? t('passwordChangedNote') : ''}
        </p>
      </section>
    </Page>
  );
}
