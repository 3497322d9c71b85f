// The SQL of the app that the bench's raw Worker (raw-worker.mjs) runs without the app.
// test/api/data/bench-sql.test.ts checks that the app still runs exactly this SQL.

/** Every API-key request first: the key by the SHA-256 of its secret. */
export const KEY_SQL =
  'select "id", "tenant_id", "name", "key_hash", "start", "scopes", "expires_at", "revoked_at", "last_used_at", "created_by", "created_at" from "api_keys" where "api_keys"."key_hash" = ? limit ?';

/** GET /evaluations?periodId=…&sort=rank&limit=200: the ranking query (limit 201: one to peek). */
export const RANKING_SQL =
  'select "evaluations"."id", "evaluations"."tenant_id", "evaluations"."period_id", "evaluations"."employee_id", "evaluations"."department_id", "evaluations"."position_id", "evaluations"."scheme_id", "evaluations"."scheme_version_id", "evaluations"."status", "evaluations"."revision", "evaluations"."total_centi", "evaluations"."grade", "evaluations"."k", "evaluations"."vetoed", "evaluations"."base_salary_fen", "evaluations"."bonus_base_fen", "evaluations"."bonus_fen", "evaluations"."pay_total_fen", "evaluations"."missing_required", "evaluations"."created_at", "evaluations"."updated_at", "employees"."employee_no", "employees"."name" from "evaluations" inner join "employees" on ("employees"."tenant_id" = "evaluations"."tenant_id" and "employees"."id" = "evaluations"."employee_id") inner join "periods" on ("periods"."tenant_id" = "evaluations"."tenant_id" and "periods"."id" = "evaluations"."period_id") where ("evaluations"."tenant_id" = ? and "evaluations"."period_id" = ?) order by "evaluations"."vetoed" asc, "evaluations"."total_centi" desc, "employees"."employee_no" asc limit ?';

/** GET /evaluations/{id}: the evaluation, its employee, inputs and appeals, in one batch. */
export const EVALUATION_SQL = {
  evaluation:
    'select "id", "tenant_id", "period_id", "employee_id", "department_id", "position_id", "scheme_id", "scheme_version_id", "status", "revision", "total_centi", "grade", "k", "vetoed", "base_salary_fen", "bonus_base_fen", "bonus_fen", "pay_total_fen", "breakdown", "missing_required", "created_at", "updated_at" from "evaluations" where ("evaluations"."tenant_id" = ? and "evaluations"."id" = ?)',
  employee:
    'select "employees"."employee_no", "employees"."name" from "employees" inner join "evaluations" on ("evaluations"."tenant_id" = "employees"."tenant_id" and "evaluations"."employee_id" = "employees"."id") where ("employees"."tenant_id" = ? and "evaluations"."id" = ?)',
  inputs:
    'select "id", "tenant_id", "evaluation_id", "kind", "indicator", "rule", "value", "count", "passed", "evidence", "source", "recorded_by", "voided", "voided_by_appeal", "created_at" from "evaluation_inputs" where ("evaluation_inputs"."tenant_id" = ? and "evaluation_inputs"."evaluation_id" = ?) order by "evaluation_inputs"."created_at" asc',
  appeals:
    'select "id", "tenant_id", "evaluation_id", "reason", "disputed_input_ids", "status", "answer", "voided_input_ids", "created_by", "created_at", "resolved_by", "resolved_at" from "appeals" where ("appeals"."tenant_id" = ? and "appeals"."evaluation_id" = ?) order by "appeals"."created_at" asc',
};

/** The statement ingest writes its input rows with (one row's columns). */
export const INPUT_COLUMNS = [
  'id',
  'tenant_id',
  'evaluation_id',
  'kind',
  'indicator',
  'rule',
  'value',
  'count',
  'passed',
  'evidence',
  'source',
  'recorded_by',
  'voided',
  'voided_by_appeal',
  'created_at',
];
