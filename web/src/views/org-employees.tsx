import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { t } from '../i18n';
import { loadDepartments, loadEmployees, loadPositions, loadUsers, namesById } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { Badge, confirmFirst, Loading, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

/** Employees: search by 工号 or 姓名, filter by department, position and 在职; add one; deactivate. */
export function Employees() {
  const [filters, setFilters] = useState({ q: '', departmentId: '', positionId: '', active: 'true' });
  const refs = useLoad(async () => {
    const [departments, positions, users] = await Promise.all([
      loadDepartments(),
      loadPositions(),
      loadUsers(),
    ]);
    return { departments, positions, users };
  }, []);
  const rows = useLoad(
    () =>
      loadEmployees({
        ...(filters.q.trim() && { q: filters.q.trim() }),
        ...(filters.departmentId && { departmentId: filters.departmentId }),
        ...(filters.positionId && { positionId: filters.positionId }),
        ...(filters.active && { active: filters.active as 'true' | 'false' }),
      }),
    [filters.q, filters.departmentId, filters.positionId, filters.active],
  );
  const [form, setForm] = useState({
    employeeNo: '',
    name: '',
    departmentId: '',
    positionId: '',
    supervisorUserId: '',
    userId: '',
  });
  const action = useAction();
  if (!refs.data) return <Loading />;
  const { departments, positions, users } = refs.data;
  const dep = namesById(departments);
  const pos = namesById(positions);
  const userName = namesById(users);
  const all = { value: '', label: t('all') };
  const create = async (e: Event) => {
    e.preventDefault();
    const body = {
      employeeNo: form.employeeNo,
      name: form.name,
      departmentId: form.departmentId || departments[0]?.id || '',
      positionId: form.positionId || positions[0]?.id || '',
      ...(form.supervisorUserId && { supervisorUserId: form.supervisorUserId }),
      ...(form.userId && { userId: form.userId }),
    };
    const done = await action.run(() => ok(api.employees.$post({ json: body })));
    if (done) {
      setForm({ ...form, employeeNo: '', name: '', userId: '' });
      void rows.reload();
    }
  };
  const setActive = async (id: string, name: string, active: boolean) => {
    if (
      !active &&
      !(await confirmFirst(t('deactivateAsk', { name }), {
        detail: t('deactivateEmployeeDetail'),
        danger: true,
        confirmLabel: t('deactivate'),
      }))
    )
      return;
    const done = await action.run(() => ok(api.employees[':id'].$patch({ param: { id }, json: { active } })));
    if (done) void rows.reload();
  };
  return (
    <FormScope failure={action.failure}>
      <section class="card">
        <h2>{t('tab_employees')}</h2>
        <div class="row wrap filters">
          <TextInput
            label={t('searchEmployee')}
            type="search"
            value={filters.q}
            onValue={(q) => setFilters({ ...filters, q })}
            id="employee-search"
          />
          <Select
            label={t('department')}
            value={filters.departmentId}
            options={[all, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
            onValue={(departmentId) => setFilters({ ...filters, departmentId })}
          />
          <Select
            label={t('position')}
            value={filters.positionId}
            options={[all, ...positions.map((p) => ({ value: p.id, label: p.name }))]}
            onValue={(positionId) => setFilters({ ...filters, positionId })}
          />
          <Select
            label={t('f_active')}
            value={filters.active}
            options={[
              all,
              { value: 'true', label: t('activeOnly') },
              { value: 'false', label: t('inactiveOnly') },
            ]}
            onValue={(active) => setFilters({ ...filters, active })}
          />
        </div>
        {rows.loading && <Loading />}
        {rows.data && (
          <div class="scroll">
            <Table id="employee-table">
              <thead>
                <tr>
                  <th>{t('employeeNo')}</th>
                  <th>{t('name')}</th>
                  <th>{t('department')}</th>
                  <th>{t('position')}</th>
                  <th>{t('supervisor')}</th>
                  <th>{t('f_active')}</th>
                  <th>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.length === 0 && (
                  <tr>
                    <td colSpan={7} class="muted">
                      {t('noEmployees')}
                    </td>
                  </tr>
                )}
                {rows.data.map((e) => (
                  <tr key={e.id}>
                    <td class="nowrap">{e.employeeNo}</td>
                    <td class="nowrap">{e.name}</td>
                    <td>{dep.get(e.departmentId) ?? '—'}</td>
                    <td>{pos.get(e.positionId) ?? '—'}</td>
                    <td>{e.supervisorUserId ? (userName.get(e.supervisorUserId) ?? '—') : '—'}</td>
                    <td>
                      <Badge tone={e.active ? 'ok' : 'muted'}>{e.active ? t('yes') : t('no')}</Badge>
                    </td>
                    <td>
                      <button type="button" class="link" onClick={() => setActive(e.id, e.name, !e.active)}>
                        {e.active ? t('deactivate') : t('activate')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
      <form class="card row wrap" onSubmit={create}>
        <h2 class="full">{t('newEmployee')}</h2>
        <TextInput
          label={t('employeeNo')}
          name="employeeNo"
          value={form.employeeNo}
          onValue={(employeeNo) => setForm({ ...form, employeeNo })}
          required
        />
        <TextInput
          label={t('name')}
          name="name"
          value={form.name}
          onValue={(name) => setForm({ ...form, name })}
          required
        />
        <Select
          label={t('department')}
          name="departmentId"
          value={form.departmentId || departments[0]?.id || ''}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          onValue={(departmentId) => setForm({ ...form, departmentId })}
        />
        <Select
          label={t('position')}
          name="positionId"
          value={form.positionId || positions[0]?.id || ''}
          options={positions.map((p) => ({ value: p.id, label: p.name }))}
          onValue={(positionId) => setForm({ ...form, positionId })}
        />
        <Select
          label={t('supervisor')}
          name="supervisorUserId"
          value={form.supervisorUserId}
          options={[
            { value: '', label: t('none') },
            ...users.filter((u) => u.role === 'supervisor').map((u) => ({ value: u.id, label: u.name })),
          ]}
          onValue={(supervisorUserId) => setForm({ ...form, supervisorUserId })}
        />
        <Select
          label={t('ownLogin')}
          name="userId"
          value={form.userId}
          options={[
            { value: '', label: t('none') },
            ...users
              .filter((u) => u.role === 'employee')
              .map((u) => ({ value: u.id, label: `${u.name}（${u.email}）` })),
          ]}
          onValue={(userId) => setForm({ ...form, userId })}
        />
        <button type="submit" class="primary" disabled={action.busy}>
          {t('create')}
        </button>
      </form>
      <FormError failure={action.failure} />
    </FormScope>
  );
}
