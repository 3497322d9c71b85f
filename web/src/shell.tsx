import type { ComponentChildren } from 'preact';
import { refresh } from './fresh';
import { lang, setLang, t } from './i18n';
import { route } from './router';
import { canAudit, isAdmin, isEmployee, me } from './session';

function NavLink(props: { to: string; label: string }) {
  const first = route.value.parts[0] ?? '';
  const target = props.to.replace(/^#\/?/, '').split('/')[0] ?? '';
  const active = first === target;
  return (
    <a
      href={props.to}
      class={active ? 'active' : ''}
      aria-current={active ? 'page' : undefined}
      // The same hash makes no hashchange: clicking the page one is on reloads it all the same.
      onClick={() => {
        if (location.hash === props.to) refresh();
      }}
    >
      {props.label}
    </a>
  );
}

/** The frame of every page: skip link, brand, navigation for the role, language, sign-out. */
export function Shell(props: { children: ComponentChildren; onSignOut: () => void }) {
  const who = me.value;
  const en = lang.value === 'en';
  return (
    <>
      {/* The router leaves hashes that are not routes (#main) to the browser, which moves focus. */}
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="bar">
        <div class="brand">
          <strong>{t('app')}</strong>
          {who && <span id="company">{who.tenant.name}</span>}
        </div>
        {/* Until the person has chosen their own password, there is nowhere else to go. */}
        {who && !who.user.mustChangePassword && (
          <nav aria-label={t('mainNav')}>
            {isEmployee() ? (
              <>
                <NavLink to="#/evaluations" label={t('myMonths')} />
                <NavLink to="#/reports" label={t('reports')} />
              </>
            ) : (
              <>
                <NavLink to="#/" label={t('overview')} />
                {isAdmin() && <NavLink to="#/schemes" label={t('schemes')} />}
                {isAdmin() && <NavLink to="#/org" label={t('org')} />}
                <NavLink to="#/evaluations" label={t('evaluations')} />
                <NavLink to="#/reports" label={t('reports')} />
                {isAdmin() && <NavLink to="#/keys" label={t('keys')} />}
                {isAdmin() && <NavLink to="#/users" label={t('users')} />}
                {canAudit() && <NavLink to="#/audit" label={t('audit')} />}
              </>
            )}
          </nav>
        )}
        <div class="tools">
          {who && (
            <a class="who" id="who" href="#/account" title={t('accountHint')}>
              {who.user.name}
            </a>
          )}
          <button
            type="button"
            id="lang"
            lang={en ? 'zh-CN' : 'en'}
            onClick={() => setLang(en ? 'zh-CN' : 'en')}
          >
            {en ? '中文' : 'English'}
          </button>
          {who && (
            <button type="button" id="logout" onClick={props.onSignOut}>
              {t('logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
