import { h } from './dom';
import { currentLang, setLang, t } from './i18n';
import { canAudit, currentMe, isAdmin, loadMe, signOut } from './session';
import { auditView } from './views/audit';
import { keysView } from './views/keys';
import { loginView, signupView } from './views/login';
import { overviewView } from './views/overview';
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
  const link = (hash: string, label: string) =>
    h('a', { href: hash, className: location.hash === hash ? 'active' : '' }, label);
  const items: (HTMLElement | false)[] = me
    ? [
        link('#/', t('overview')),
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

async function render() {
  const route = location.hash || '#/';
  const me = currentMe() ?? (await loadMe());
  renderNav();
  try {
    if (!me) {
      view.replaceChildren(route === '#/signup' ? signupView(go) : loginView(go));
      return;
    }
    if (route === '#/users' && isAdmin()) view.replaceChildren(await usersView());
    else if (route === '#/keys' && isAdmin()) view.replaceChildren(await keysView());
    else if (route === '#/audit' && canAudit()) view.replaceChildren(await auditView());
    else view.replaceChildren(overviewView(me));
  } catch (err) {
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
