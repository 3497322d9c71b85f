import { h } from './dom';
import { currentLang, setLang, t } from './i18n';
import { canAudit, currentMe, isAdmin, loadMe, signOut } from './session';
import { auditView } from './views/audit';
import { evaluationView } from './views/evaluation';
import { evaluationsView } from './views/evaluations';
import { keysView } from './views/keys';
import { loginView, signupView } from './views/login';
import { overviewView } from './views/overview';
import { schemeView } from './views/scheme';
import { schemesView } from './views/schemes';
import { usersView } from './views/users';

const view = document.getElementById('view')!;
const nav = document.getElementById('nav')!;
const langButton = document.getElementById('lang')!;

const go = (hash: string) => {
  if (location.hash === hash) void render();
  else location.hash = hash;
};

function renderNav() {
  const me = currentMe();
  const route = location.hash || '#/';
  const link = (hash: string, label: string) =>
    h(
      'a',
      {
        href: hash,
        className: route === hash || (hash !== '#/' && route.startsWith(`${hash}/`)) ? 'active' : '',
      },
      label,
    );
  const items: (HTMLElement | false)[] = me
    ? [
        link('#/', t('overview')),
        link('#/evaluations', t('evaluations')),
        isAdmin() && link('#/schemes', t('schemes')),
        isAdmin() && link('#/users', t('users')),
        isAdmin() && link('#/keys', t('keys')),
        canAudit() && link('#/audit', t('audit')),
        h(
          'button',
          {
            id: 'logout',
            onclick: async () => {
              await signOut();
              go('#/login');
            },
          },
          t('logout'),
        ),
      ]
    : [];
  nav.replaceChildren(...items.filter((x): x is HTMLElement => x !== false));
  langButton.textContent = currentLang() === 'en' ? '中文' : 'English';
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t('app');
}

/** The view for a signed-in person's route; unknown or forbidden routes show the overview. */
async function routeView(route: string): Promise<HTMLElement | null> {
  const [, first, id, sub] = route.split('/');
  if (first === 'evaluations') return id ? evaluationView(id) : evaluationsView();
  if (!isAdmin()) return canAudit() && first === 'audit' ? auditView() : null;
  if (first === 'schemes') return id ? schemeView(go, id, sub) : schemesView(go);
  if (first === 'users') return usersView();
  if (first === 'keys') return keysView();
  if (first === 'audit') return auditView();
  return null;
}

let rendering = 0;

async function render() {
  const turn = ++rendering;
  const route = location.hash || '#/';
  const me = currentMe() ?? (await loadMe());
  renderNav();
  try {
    if (!me) {
      view.replaceChildren(route === '#/signup' ? signupView(go) : loginView(go));
      return;
    }
    const next = (await routeView(route)) ?? overviewView(me);
    // A slower earlier route must not replace the one the person has since moved to.
    if (turn === rendering) view.replaceChildren(next);
  } catch (err) {
    if (turn === rendering)
      view.replaceChildren(h('p', { className: 'error', role: 'alert' }, (err as Error).message));
  }
}

langButton.addEventListener('click', () => {
  setLang(currentLang() === 'en' ? 'zh-CN' : 'en');
  void render();
});
window.addEventListener('hashchange', () => void render());
setLang(currentLang());
void render();
