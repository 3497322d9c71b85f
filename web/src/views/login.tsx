import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, api, ok } from '../api';
import { t } from '../i18n';
import { go } from '../router';
import { signedIn } from '../session';
import { FormError, FormScope } from '../ui/form';
import { TextInput } from '../ui/inputs';
import { Page, useAction } from '../ui/kit';

type SessionBody = Parameters<typeof signedIn>[0];

/**
 * A 401 from the login itself means the slug, e-mail or password were wrong, not that a
 * session ended: it keeps the API's words instead of the "sign in again" every other 401 gets.
 */
function credentialsRefused(err: unknown): never {
  if (err instanceof ApiFailure && err.status === 401)
    throw new ApiFailure(401, 'LOGIN_FAILED', err.message, err.details);
  throw err;
}

/** Login and sign-up end the same way: the answer starts a session and opens the home page. */
function SessionForm(props: {
  title: string;
  start: () => Promise<SessionBody>;
  other: { href: string; label: string };
  children: ComponentChildren;
}) {
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = await action.run(props.start);
    if (body) {
      signedIn(body);
      go('#/');
    }
  };
  return (
    <Page title={props.title}>
      <form class="card narrow stack" onSubmit={submit} noValidate>
        <FormScope failure={action.failure}>
          {props.children}
          <button type="submit" class="primary" disabled={action.busy}>
            {props.title}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
        <a href={props.other.href}>{props.other.label}</a>
      </form>
    </Page>
  );
}

/** One form's state: `field(k)` gives a text input its name, value and setter. */
function useFields<F extends Record<string, string>>(initial: F) {
  const [form, setForm] = useState(initial);
  const field = (k: keyof F & string) => ({
    name: k,
    value: form[k],
    onValue: (v: string) => setForm({ ...form, [k]: v }),
    required: true,
  });
  return { form, field };
}

export function LoginView() {
  const { form, field } = useFields({ slug: '', email: '', password: '' });
  return (
    <SessionForm
      title={t('login')}
      start={() => ok(api.auth.login.$post({ json: form })).catch(credentialsRefused)}
      other={{ href: '#/signup', label: t('noAccount') }}
    >
      <TextInput label={t('slug')} {...field('slug')} autoComplete="organization" />
      <TextInput label={t('email')} {...field('email')} type="email" autoComplete="username" />
      <TextInput
        label={t('password')}
        {...field('password')}
        type="password"
        autoComplete="current-password"
      />
    </SessionForm>
  );
}

export function SignupView() {
  const { form, field } = useFields({ companyName: '', slug: '', adminName: '', email: '', password: '' });
  return (
    <SessionForm
      title={t('signup')}
      start={() => ok(api.signup.$post({ json: form }))}
      other={{ href: '#/login', label: t('haveAccount') }}
    >
      <TextInput label={t('companyName')} {...field('companyName')} />
      <TextInput label={t('slug')} {...field('slug')} help={t('slugHelp')} hint={t('slugHelp')} />
      <TextInput label={t('adminName')} {...field('adminName')} />
      <TextInput label={t('email')} {...field('email')} type="email" autoComplete="username" />
      <TextInput
        label={t('password')}
        {...field('password')}
        type="password"
        help={t('passwordHelp')}
        autoComplete="new-password"
      />
    </SessionForm>
  );
}
