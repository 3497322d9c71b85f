import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { t } from '../i18n';
import { loadDepartments, loadUsers } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { TextInput } from '../ui/inputs';
import { Loading, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

/** Departments with their site and the supervisors who see them. */
export function Departments() {
  const data = useLoad(async () => {
    const [departments, users] = await Promise.all([loadDepartments(), loadUsers()]);
    return { departments, supervisors: users.filter((u) => u.role === 'supervisor' && u.active) };
  }, []);
  const [form, setForm] = useState({ name: '', site: '' });
  const action = useAction();
  const create = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() =>
      ok(api.departments.$post({ json: { name: form.name, ...(form.site.trim() && { site: form.site }) } })),
    );
    if (done) {
      setForm({ name: '', site: '' });
      void data.reload();
    }
  };
  const setSupervisors = async (id: string, userIds: string[]) => {
    // Shown at once (a controlled checkbox would otherwise spring back until the API answers).
    if (data.data)
      data.set({
        ...data.data,
        departments: data.data.departments.map((d) =>
          d.id === id ? { ...d, supervisorUserIds: userIds } : d,
        ),
      });
    const done = await action.run(() =>
      ok(api.departments[':id'].supervisors.$put({ param: { id }, json: { userIds } })),
    );
    void data.reload();
    return done;
  };
  if (!data.data) return <Loading />;
  const { departments, supervisors } = data.data;
  return (
    <FormScope failure={action.failure}>
      <section class="card">
        <h2>{t('tab_departments')}</h2>
        <div class="scroll">
          <Table id="department-table">
            <thead>
              <tr>
                <th>{t('department')}</th>
                <th>{t('site')}</th>
                <th>{t('supervisors')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.site ?? '—'}</td>
                  <td>
                    {supervisors.length === 0 ? (
                      <span class="muted">{t('noSupervisors')}</span>
                    ) : (
                      <fieldset class="inline-ticks">
                        <legend class="sr-only">{t('supervisorsOf', { name: d.name })}</legend>
                        {supervisors.map((u) => (
                          <label class="tick" key={u.id}>
                            <input
                              type="checkbox"
                              checked={d.supervisorUserIds.includes(u.id)}
                              onChange={(e) =>
                                setSupervisors(
                                  d.id,
                                  e.currentTarget.checked
                                    ? [...d.supervisorUserIds, u.id]
                                    : d.supervisorUserIds.filter((x) => x !== u.id),
                                )
                              }
                            />
                            {u.name}
                          </label>
                        ))}
                      </fieldset>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>
      <form class="card row wrap" onSubmit={create}>
        <h2 class="full">{t('newDepartment')}</h2>
        <TextInput
          label={t('f_departmentName')}
          name="name"
          value={form.name}
          onValue={(name) => setForm({ ...form, name })}
          required
        />
        <TextInput
          label={t('site')}
          name="site"
          value={form.site}
          onValue={(site) => setForm({ ...form, site })}
        />
        <button type="submit" class="primary" disabled={action.busy}>
          {t('create')}
        </button>
      </form>
      <FormError failure={action.failure} />
    </FormScope>
  );
}
