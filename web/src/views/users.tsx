import { useState } from 'preact/hooks';
import type { Role } from '../../../db/schema/users';
import { api, ok } from '../api';
import { roleName } from '../format';
import { t } from '../i18n';
import { type AccountAction, type Department, loadDepartments, loadUsers, type User } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { askLine, Badge, confirmFirst, Loading, Page, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

/** A supervisor's departments: the ones whose employees they see and rate. */
function SupervisorDepartments({
  user,
  departments,
  onSet,
}: {
  user: User;
  departments: Department[];
  onSet: (d: Department, on: boolean) => void;
}) {
  return (
    <fieldset class="inline-ticks">
      <legend class="sr-only">{t('departmentsOf', { name: user.name })}</legend>
      {departments.map((d) => (
        <label class="tick" key={d.id}>
          <input
            type="checkbox"
            checked={d.supervisorUserIds.includes(user.id)}
            onChange={(e) => onSet(d, e.currentTarget.checked)}
          />
          {d.name}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * 用户: invite people; rename, change the role of, reset the password of, deactivate or remove
 * an account where the API offers it (each row's allowedActions); a supervisor's departments.
 */
/** The roles the API lets this person create accounts with (GET /me says). */
async function creatableRoles(): Promise<string[]> {
  const body = await ok(api.me.$get());
  return body.principal.kind === 'user' ? body.principal.creatableRoles : [];
}

export function UsersView() {
  const data = useLoad(async () => {
    const [users, departments, creatable] = await Promise.all([
      loadUsers(),
      loadDepartments(),
      creatableRoles(),
    ]);
    return { users, departments, creatable };
  }, []);
  const [form, setForm] = useState({ name: '', email: '', role: 'employee' as Role, password: '' });
  const action = useAction();
  const invite = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() => ok(api.users.$post({ json: form })));
    if (done) {
      setForm({ name: '', email: '', role: form.role, password: '' });
      void data.reload();
    }
  };
  const can = (u: User, a: AccountAction) => u.allowedActions.includes(a);
  const change = async (
    u: User,
    json: { name?: string; role?: Role; active?: boolean; password?: string },
  ) => {
    const done = await action.run(() => ok(api.users[':id'].$patch({ param: { id: u.id }, json })));
    // Success or refusal, the page shows what the API now holds (and what it now offers).
    void data.reload();
    return done;
  };
  const setRole = async (u: User, role: Role) => {
    const sure = await confirmFirst(t('roleAsk', { name: u.name, role: roleName(role) }), {
      detail: t('roleDetail'),
      confirmLabel: t('changeRole'),
    });
    if (sure) await change(u, { role });
    else void data.reload();
  };
  const setActive = async (u: User, active: boolean) => {
    if (
      !active &&
      !(await confirmFirst(t('deactivateAsk', { name: u.name }), {
        detail: t('deactivateUserDetail'),
        danger: true,
        confirmLabel: t('deactivate'),
      }))
    )
      return;
    await change(u, { active });
  };
  const rename = async (u: User) => {
    const name = await askLine(t('renameAsk', { name: u.name }), t('newName'), { confirmLabel: t('rename') });
    if (name) await change(u, { name });
  };
  const resetPassword = async (u: User) => {
    const password = await askLine(t('resetAsk', { name: u.name }), t('newPasswordFor', { name: u.name }), {
      type: 'password',
      detail: t('resetDetail'),
      confirmLabel: t('resetPassword'),
    });
    if (password) await change(u, { password });
  };
  const remove = async (u: User) => {
    const sure = await confirmFirst(t('deleteUserAsk', { name: u.name }), {
      detail: t('deleteUserDetail'),
      danger: true,
      confirmLabel: t('remove'),
    });
    if (!sure) return;
    await action.run(() => ok(api.users[':id'].$delete({ param: { id: u.id } })));
    void data.reload();
  };
  const setDepartment = async (u: User, d: Department, on: boolean) => {
    const userIds = on ? [...d.supervisorUserIds, u.id] : d.supervisorUserIds.filter((x) => x !== u.id);
    if (data.data)
      data.set({
        ...data.data,
        departments: data.data.departments.map((x) =>
          x.id === d.id ? { ...x, supervisorUserIds: userIds } : x,
        ),
      });
    const done = await action.run(() =>
      ok(api.departments[':id'].supervisors.$put({ param: { id: d.id }, json: { userIds } })),
    );
    // Success or refusal, the page shows what the API now holds.
    void data.reload();
    return done;
  };
  return (
    <Page title={t('users')}>
      <FormScope failure={action.failure}>
        <section class="card">
          <h2>{t('userList')}</h2>
          {!data.data ? (
            <Loading />
          ) : (
            <div class="scroll">
              <Table id="user-table">
                <thead>
                  <tr>
                    <th>{t('name')}</th>
                    <th>{t('email')}</th>
                    <th>{t('role')}</th>
                    <th>{t('supervisorDepartments')}</th>
                    <th>{t('status')}</th>
                    <th>{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.users.map((u) => (
                    <tr key={u.id}>
                      <td class="nowrap">{u.name}</td>
                      <td>{u.email}</td>
                      <td>
                        <label class="sr-only" for={`role-${u.id}`}>
                          {t('roleOf', { name: u.name })}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          value={u.role}
                          disabled={!can(u, 'changeRole')}
                          data-action={can(u, 'changeRole') ? 'changeRole' : undefined}
                          onChange={(e) => setRole(u, e.currentTarget.value as Role)}
                        >
                          {[u.role, ...u.assignableRoles].map((r) => (
                            <option key={r} value={r}>
                              {roleName(r)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {u.role === 'supervisor' ? (
                          <SupervisorDepartments
                            user={u}
                            departments={data.data!.departments}
                            onSet={(d, on) => setDepartment(u, d, on)}
                          />
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {u.active ? (
                          <Badge tone="ok">{t('active')}</Badge>
                        ) : (
                          <Badge tone="muted">{t('inactive')}</Badge>
                        )}
                      </td>
                      <td class="row-actions">
                        {can(u, 'rename') && (
                          <button type="button" class="link" data-action="rename" onClick={() => rename(u)}>
                            {t('rename')}
                          </button>
                        )}
                        {can(u, 'resetPassword') && (
                          <button
                            type="button"
                            class="link"
                            data-action="resetPassword"
                            onClick={() => resetPassword(u)}
                          >
                            {t('resetPassword')}
                          </button>
                        )}
                        {can(u, 'deactivate') && (
                          <button
                            type="button"
                            class="link"
                            data-action="deactivate"
                            onClick={() => setActive(u, false)}
                          >
                            {t('deactivate')}
                          </button>
                        )}
                        {can(u, 'activate') && (
                          <button
                            type="button"
                            class="link"
                            data-action="activate"
                            onClick={() => setActive(u, true)}
                          >
                            {t('activate')}
                          </button>
                        )}
                        {can(u, 'delete') && (
                          <button
                            type="button"
                            class="link danger-text"
                            data-action="delete"
                            onClick={() => remove(u)}
                          >
                            {t('remove')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
        <form class="card row wrap" onSubmit={invite}>
          <h2 class="full">{t('invite')}</h2>
          <TextInput
            label={t('name')}
            name="name"
            value={form.name}
            onValue={(name) => setForm({ ...form, name })}
            required
          />
          <TextInput
            label={t('email')}
            name="email"
            type="email"
            value={form.email}
            onValue={(email) => setForm({ ...form, email })}
            required
          />
          <Select
            label={t('role')}
            name="role"
            value={form.role}
            options={(data.data?.creatable ?? []).map((r) => ({ value: r, label: roleName(r as Role) }))}
            onValue={(role) => setForm({ ...form, role: role as Role })}
          />
          <TextInput
            label={t('initialPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onValue={(password) => setForm({ ...form, password })}
            help={t('initialPasswordHelp')}
            required
          />
          <button type="submit" class="primary" disabled={action.busy}>
            {t('invite')}
          </button>
        </form>
        <FormError failure={action.failure} />
      </FormScope>
    </Page>
  );
}
