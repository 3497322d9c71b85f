// The bench-only Worker: the app's SQL against the same D1 database, without the app (no
// routing, access, validation, scoring or mapping). Its times are the floor each scenario is
// compared with. It is never deployed: wrangler.toml does not know it; scripts/bench/worker.mjs
// starts it beside the API in the same miniflare, bound to the API's DB.
// Its SQL is in raw-sql.mjs.

import { EVALUATION_SQL, INPUT_COLUMNS, KEY_SQL, RANKING_SQL } from './raw-sql.mjs';

/** As many rows per INSERT as D1's 100 bound parameters allow: the cheapest way to write them. */
const ROWS_PER_INSERT = Math.floor(100 / INPUT_COLUMNS.length);
/** The raw rows hang off an evaluation id no evaluation has: no read of the app ever sees them. */
const RAW_EVALUATION = 'evl_raw_bench';

const insertSql = (rows) =>
  `insert into "evaluation_inputs" (${INPUT_COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${Array.from(
    { length: rows },
    () => `(${INPUT_COLUMNS.map(() => '?').join(', ')})`,
  ).join(', ')}`;

/** `count` metric rows in one batch, as an integrator's ingest would store them. */
async function insertBatch(db, tenantId, count) {
  const now = new Date().toISOString();
  const run = crypto.randomUUID().slice(0, 8);
  const statements = [];
  for (let from = 0; from < count; from += ROWS_PER_INSERT) {
    const n = Math.min(ROWS_PER_INSERT, count - from);
    const values = [];
    for (let i = from; i < from + n; i++) {
      values.push(`inp_raw_${run}_${i}`, tenantId, RAW_EVALUATION, 'metric', 'calls_answered', null);
      values.push(
        900 + (i % 400),
        null,
        null,
        null,
        'integrator',
        'key_raw_bench',
        'usr_raw',
        'key_raw',
        0,
        null,
        now,
      );
    }
    statements.push(db.prepare(insertSql(n)).bind(...values));
  }
  await db.batch(statements);
  return statements.length;
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * With `?key=1`, what every API-key request of the app runs before its own SQL: the bearer
 * secret hashed and the key looked up. Without it, only the scenario's own SQL.
 */
async function lookUpKey(request, db) {
  const secret = (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
  const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
  const key = await db.prepare(KEY_SQL).bind(8, hash, 1).first();
  if (!key) throw new Error('no such key');
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const q = (name) => {
      const value = url.searchParams.get(name);
      if (!value) throw new Error(`missing ?${name}=`);
      return value;
    };
    const db = env.DB;
    if (url.searchParams.get('key')) await lookUpKey(request, db);
    switch (url.pathname) {
      case '/ranking': {
        const { results } = await db.prepare(RANKING_SQL).bind(q('period'), q('tenant'), 201).all();
        return Response.json(results.slice(0, 200));
      }
      case '/evaluation': {
        const [tenant, id] = [q('tenant'), q('id')];
        const [evaluation, inputs, appeals] = await db.batch([
          db.prepare(EVALUATION_SQL.evaluation).bind(id, tenant),
          db.prepare(EVALUATION_SQL.inputs).bind(tenant, id),
          db.prepare(EVALUATION_SQL.appeals).bind(tenant, id),
        ]);
        if (!evaluation.results[0]) return new Response('not found', { status: 404 });
        return Response.json({
          ...evaluation.results[0],
          inputs: inputs.results,
          appeals: appeals.results,
        });
      }
      case '/insert-batch': {
        const rows = Number(url.searchParams.get('rows') ?? 1000);
        const statements = await insertBatch(db, q('tenant'), rows);
        return Response.json({ rows, statements });
      }
      case '/cleanup': {
        const res = await db
          .prepare('delete from "evaluation_inputs" where "tenant_id" = ? and "evaluation_id" = ?')
          .bind(q('tenant'), RAW_EVALUATION)
          .run();
        return Response.json({ deleted: res.meta.changes });
      }
      case '/writer': {
        // Not a baseline: the tenant writer's counts, to show whether any plan ran twice.
        const ns = env.TENANT_WRITER;
        return Response.json(await ns.get(ns.idFromName(q('tenant'))).stats());
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
