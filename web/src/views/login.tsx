import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { t } from '../i18n';
import { go } from '../router';
import { signedIn } from '../session';
import { FormError, FormScope } from '../ui/form';
import { TextInput } from '../ui/inputs';
import { Page, useAction } from '../ui/kit';

export function LoginView() {
  const [form, setForm] = useState({ slug: '', email: '', password: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = await action.run(() => ok(api.auth.login.$post({ json: form })));
    if (body) {
      signedIn(body);
      go('#/');
    }
  };
  return (
    <Page title={t('login')}>
      <form class="card narrow stack" onSubmit={submit} noValidate>
        <FormScope failure={action.failure}>
          <TextInput
            label={t('slug')}
            name="slug"
            value={form.slug}
            onValue={set('slug')}
            autoComplete="organization"
            required
          />
          <TextInput
            label={t('email')}
            name="email"
            type="email"
            value={form.email}
            onValue={set('email')}
            autoComplete="username"
            required
          />
          <TextInput
            label={t('password')}
            name="password"
            type="password"
            value={form.password}
            onValue={set('password')}
            autoComplete="current-password"
            required
          />
          <button type="submit" class="primary" disabled={action.busy}>
            {t('login')}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
        <a href="#/signup">{t('noAccount')}</a>
      </form>
    </Page>
  );
}

export function SignupView() {
  const [form, setForm] = useState({ companyName: '', slug: '', adminName: '', email: '', password: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = await action.run(() => ok(api.signup.$post({ json: form })));
    if (body) {
      signedIn(body);
      go('#/');
    }
  };
  return (
    <Page title={t('signup')}>
      <form class="card narrow stack" onSubmit={submit} noValidate>
        <FormScope failure={action.failure}>
          <TextInput
            label={t('companyName')}
            name="companyName"
            value={form.companyName}
            onValue={set('companyName')}
            required
          />
          <TextInput
            label={t('slug')}
            name="slug"
            value={form.slug}
            onValue={set('slug')}
            help={t('slugHelp')}
            hint={t('slugHelp')}
            required
          />
          <TextInput
            label={t('adminName')}
            name="adminName"
            value={form.adminName}
            onValue={set('adminName')}
            required
          />
          <TextInput
            label={t('email')}
            name="email"
            type="email"
            value={form.email}
            onValue={set('email')}
            autoComplete="username"
            required
          />
          <TextInput
            label={t('password')}
            name="password"
            type="password"
            value={form.password}
            onValue={set('password')}
            help={t('passwordHelp')}
            autoComplete="new-password"
            required
          />
          <button type="submit" class="primary" disabled={action.busy}>
            {t('signup')}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
        <a href="#/login">{t('haveAccount')}</a>
      </form>
    </Page>
  );
}
