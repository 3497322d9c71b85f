import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { EVALUATION_SQL, INPUT_COLUMNS, KEY_SQL, RANKING_SQL } from '../../../scripts/bench/raw-sql.mjs';
import { EVALUATION_STORE_TAG } from '../../../worker/services/evaluations/store';
import { through } from '../../helpers/app';
import { countingD1 } from '../../helpers/d1-counting';
import { ok, openMonth } from '../evaluations/fixtures';

/*
 * The benchmark's raw Worker (scripts/bench/raw-worker.mjs) times the app's SQL without the
 * app. Should a query of the app change, its baseline would silently measure another one:
 * here the app's statements for the same requests are counted and compared.
 */
describe('the bench baselines run the SQL the app runs', () => {
  it('the ranking, one evaluation read and the input insert', async () => {
    const m = await openMonth(['KF002']);
    const key = await m.t.keyWith('evaluations:read', 'metrics:write');
    const counted = countingD1(env.DB);
    const integrator = through(key, { DB: counted.db });
    const sqlOf = () => counted.statements.map((s) => s.sql);

    ok(await integrator.get(`/evaluations?periodId=${m.periodId}&sort=rank&limit=200`));
    expect(sqlOf()).toContain(KEY_SQL);
    expect(sqlOf()).toContain(RANKING_SQL);
    counted.reset();

    ok(await integrator.get(`/evaluations/${m.evaluationId}`));
    for (const sql of Object.values(EVALUATION_SQL)) expect(sqlOf()).toContain(sql);
    counted.reset();

    const row = { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 1000 };
    ok(await integrator.post('/ingest', { rows: [row] }));
    // The evaluation store tags its statements (services/evaluations/store.ts); the bench's do not.
    const untagged = counted.statements.map((s) => s.sql.replace(`${EVALUATION_STORE_TAG} `, ''));
    const insert = untagged.find((sql) => sql.startsWith('insert into "evaluation_inputs"'));
    expect(insert).toMatch(
      new RegExp(`^insert into "evaluation_inputs" \\(${INPUT_COLUMNS.map((c) => `"${c}"`).join(', ')}\\)`),
    );
  });
});
