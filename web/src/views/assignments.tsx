import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { t } from '../i18n';
import { loadDepartments, loadEmployees, loadPositions } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { Select } from '../ui/inputs';
import { useAction, useLoad } from '../ui/kit';

type Target = 'department' | 'position' | 'employee';

/** Where this scheme applies: departments, positions, or single people (precedence: person first). */
export function Assignments({ schemeId }: { schemeId: string }) {
  const data = useLoad(async () => {
    const [assignments, departments, positions, employees] = await Promise.all([
      ok(api['scheme-assignments'].$get()),
      loadDepartments(),
      loadPositions(),
      loadEmployees({ active: 'true' }),
    ]);
    return { assignments: assignments.items, departments, positions, employees };
  }, [schemeId]);
  const [type, setType] = useState<Target>('department');
  const [target, setTarget] = useState('');
  const action = useAction();
  if (!data.data) return null;
  const { departments, positions, employees } = data.data;
  const targets: Record<Target, { value: string; label: string }[]> = {
    department: departments.map((d) => ({ value: d.id, label: d.name })),
    position: positions.map((p) => ({ value: p.id, label: p.name })),
    employee: employees.map((e) => ({ value: e.id, label: `${e.employeeNo} ${e.name}` })),
  };
  const nameOf = (ty: Target, id: string) => targets[ty].find((x) => x.value === id)?.label ?? id;
  const mine = data.data.assignments.filter((a) => a.schemeId === schemeId);
  const chosen = target || targets[type][0]?.value || '';
  const assign = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    const done = await action.run(() =>
      ok(api['scheme-assignments'].$put({ json: { targetType: type, targetId: chosen, schemeId } })),
    );
    if (done) void data.reload();
  };
  return (
    <section class="card" id="assignments">
      <h2>{t('assignments')}</h2>
      <p class="muted small">{t('assignHelp')}</p>
      {mine.length === 0 ? (
        <p class="muted">{t('noAssignments')}</p>
      ) : (
        <ul class="plain">
          {mine.map((a) => (
            <li key={a.id}>
              {`${t(`target_${a.targetType}`)}：${nameOf(a.targetType, a.targetId)} `}
              <button
                type="button"
                class="link"
                onClick={async () => {
                  await action.run(() =>
                    ok(api['scheme-assignments'][':id'].$delete({ param: { id: a.id } })),
                  );
                  void data.reload();
                }}
              >
                {t('unassign')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row wrap" onSubmit={assign}>
        <FormScope failure={action.failure}>
          <Select
            label={t('assignTo')}
            value={type}
            options={(['department', 'position', 'employee'] as const).map((x) => ({
              value: x,
              label: t(`target_${x}`),
            }))}
            onValue={(v) => {
              setType(v as Target);
              setTarget('');
            }}
          />
          <Select
            label={t(`target_${type}`)}
            name="targetId"
            value={chosen}
            options={targets[type]}
            onValue={setTarget}
            id="assign-target"
          />
          <button type="submit" class="primary" disabled={action.busy || !chosen}>
            {t('assign')}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
      </form>
    </section>
  );
}
