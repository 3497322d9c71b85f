import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { fenOf, money } from '../format';
import { t } from '../i18n';
import { loadPositions } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { TextInput } from '../ui/inputs';
import { Loading, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

/** Positions with their pay: 基本工资 and 绩效奖金基数, typed and shown in 元. */
export function Positions() {
  const data = useLoad(loadPositions, []);
  const [form, setForm] = useState({ name: '', base: '', bonus: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const create = async (e: Event) => {
    e.preventDefault();
    const baseSalaryFen = fenOf(form.base);
    const bonusBaseFen = fenOf(form.bonus);
    setLocal({
      ...(baseSalaryFen === null && { baseSalaryFen: t('yuanFormat') }),
      ...(bonusBaseFen === null && { bonusBaseFen: t('yuanFormat') }),
    });
    if (baseSalaryFen === null || bonusBaseFen === null) return;
    const done = await action.run(() =>
      ok(api.positions.$post({ json: { name: form.name, baseSalaryFen, bonusBaseFen } })),
    );
    if (done) {
      setForm({ name: '', base: '', bonus: '' });
      void data.reload();
    }
  };
  if (!data.data) return <Loading />;
  return (
    <FormScope failure={action.failure}>
      <section class="card">
        <h2>{t('tab_positions')}</h2>
        <div class="scroll">
          <Table id="position-table">
            <thead>
              <tr>
                <th>{t('position')}</th>
                <th class="num">{t('baseSalary')}</th>
                <th class="num">{t('bonusBase')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td class="num">{money(p.baseSalaryFen)}</td>
                  <td class="num">{money(p.bonusBaseFen)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>
      <form class="card row wrap" onSubmit={create} noValidate>
        <h2 class="full">{t('newPosition')}</h2>
        <TextInput
          label={t('f_positionName')}
          name="name"
          value={form.name}
          onValue={(name) => setForm({ ...form, name })}
          required
        />
        <TextInput
          label={t('baseSalaryYuan')}
          name="baseSalaryFen"
          inputMode="decimal"
          value={form.base}
          onValue={(base) => setForm({ ...form, base })}
          help={local.baseSalaryFen}
        />
        <TextInput
          label={t('bonusBaseYuan')}
          name="bonusBaseFen"
          inputMode="decimal"
          value={form.bonus}
          onValue={(bonus) => setForm({ ...form, bonus })}
          help={local.bonusBaseFen}
        />
        <button type="submit" class="primary" disabled={action.busy}>
          {t('create')}
        </button>
      </form>
      <FormError failure={action.failure} />
    </FormScope>
  );
}
