import { t } from '../i18n';
import { Page } from '../ui/kit';
import { Departments } from './org-departments';
import { Employees } from './org-employees';
import { EmployeeImport } from './org-import';
import { Positions } from './org-positions';

const tabs = ['employees', 'departments', 'positions', 'import'] as const;

/** 组织: departments with supervisors, positions with pay, employees, and the CSV import. */
export function OrgView({ tab }: { tab?: string }) {
  const current = tabs.find((x) => x === tab) ?? 'employees';
  return (
    <Page title={t('org')}>
      <nav class="tabs" aria-label={t('org')}>
        {tabs.map((x) => (
          <a
            key={x}
            href={`#/org/${x}`}
            class={x === current ? 'active' : ''}
            aria-current={x === current ? 'page' : undefined}
          >
            {t(`tab_${x}`)}
          </a>
        ))}
      </nav>
      {current === 'employees' && <Employees />}
      {current === 'departments' && <Departments />}
      {current === 'positions' && <Positions />}
      {current === 'import' && <EmployeeImport />}
    </Page>
  );
}
