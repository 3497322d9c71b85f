import { api, ok } from '../api';
import { formValues, h } from '../dom';
import { t } from '../i18n';
import { signedIn } from '../session';

function field(name: string, label: string, type = 'text') {
  return h('label', {}, label, h('input', { name, type, required: true, id: `f-${name}` }));
}

function errorBox() {
  return h('p', { className: 'error', role: 'alert' });
}

export function loginView(go: (hash: string) => void): HTMLElement {
  const error = errorBox();
  const form = h(
    'form',
    { className: 'stack' },
    field('slug', t('slug')),
    field('email', t('email'), 'email'),
    field('password', t('password'), 'password'),
    h('button', { className: 'primary', type: 'submit' }, t('login')),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    try {
      signedIn(
        await ok(
          api.auth.login.$post({
            json: { slug: v.slug ?? '', email: v.email ?? '', password: v.password ?? '' },
          }),
        ),
      );
      go('#/');
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  return h(
    'section',
    { className: 'card' },
    h('h2', {}, t('login')),
    form,
    h('a', { href: '#/signup' }, t('noAccount')),
  );
}

export function signupView(go: (hash: string) => void): HTMLElement {
  const error = errorBox();
  const form = h(
    'form',
    { className: 'stack' },
    field('companyName', t('companyName')),
    field('slug', t('slug')),
    field('adminName', t('adminName')),
    field('email', t('email'), 'email'),
    field('password', t('password'), 'password'),
    h('button', { className: 'primary', type: 'submit' }, t('signup')),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form) as {
      companyName: string;
      slug: string;
      adminName: string;
      email: string;
      password: string;
    };
    try {
      signedIn(await ok(api.signup.$post({ json: v })));
      go('#/');
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  return h(
    'section',
    { className: 'card' },
    h('h2', {}, t('signup')),
    form,
    h('a', { href: '#/login' }, t('haveAccount')),
  );
}
