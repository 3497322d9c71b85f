// The SQL of the app that the bench's raw Worker (raw-worker.mjs) runs without the app.
// test/api/data/bench-sql.test.ts checks that the app still runs exactly this SQL.

/**
 * Every API-key request first: the key by the SHA-256 of its secret, with its creator (a key acts
 * for them) and whoever controls the creator’s account. Binds: control depth (8), hash, 1.
 */
export const KEY_SQL =
  'select "api_keys"."id", "api_keys"."tenant_id", "api_keys"."name", "api_keys"."key_hash", "api_keys"."start", "api_keys"."scopes", "api_keys"."expires_at", "api_keys"."revoked_at", "api_keys"."last_used_at", "api_keys"."created_by", "api_keys"."created_at", "users"."role", "users"."active", (WITH RECURSIVE chain(id, depth) AS (\n      SELECT "api_keys"."created_by", 0\n      UNION\n      SELECT c.controller_id, chain.depth + 1 FROM account_controllers c JOIN chain ON c.user_id = chain.id\n      WHERE chain.depth < ?\n    ) SELECT json_group_array(id) FROM (SELECT DISTINCT id FROM chain)) as "selves" from "api_keys" left join "users" on "users"."id" = "api_keys"."created_by" where "api_keys"."key_hash" = ? limit ?';

/** GET /evaluations?periodId=…&sort=rank&limit=200: the ranking query. Binds: period, tenant, 201. */
export const RANKING_SQL =
  'select "evaluations"."id", "evaluations"."tenant_id", "evaluations"."period_id", "evaluations"."employee_id", "evaluations"."department_id", "evaluations"."position_id", "evaluations"."scheme_id", "evaluations"."scheme_version_id", "evaluations"."status", "evaluations"."revision", "evaluations"."total_centi", "evaluations"."grade", "evaluations"."k", "evaluations"."vetoed", "evaluations"."base_salary_fen", "evaluations"."bonus_base_fen", "evaluations"."bonus_fen", "evaluations"."pay_total_fen", "evaluations"."missing_required", "evaluations"."complete", "evaluations"."submitted_at", "evaluations"."confirm_due_at", "evaluations"."confirmed_at", "evaluations"."confirmed_how", "evaluations"."created_at", "evaluations"."updated_at", "employees"."employee_no" as "party_employee_no", "employees"."name" as "party_name", "employees"."user_id" as "party_user_id", "employees"."active" as "party_active", "periods"."status" as "party_period_status", 0 as "party_supervises" from "evaluations" inner join "employees" on ("employees"."tenant_id" = "evaluations"."tenant_id" and "employees"."id" = "evaluations"."employee_id") inner join "periods" on ("periods"."tenant_id" = "evaluations"."tenant_id" and "periods"."id" = "evaluations"."period_id") where ("evaluations"."period_id" = ? and "evaluations"."tenant_id" = ?) order by "evaluations"."vetoed" asc, "evaluations"."total_centi" desc, "employees"."employee_no" asc limit ?';

/** GET /evaluations/{id}: the evaluation with its party, inputs and appeals, in one batch. */
export const EVALUATION_SQL = {
  /** Binds: id, tenant. */
  evaluation:
    'select "evaluations"."id", "evaluations"."tenant_id", "evaluations"."period_id", "evaluations"."employee_id", "evaluations"."department_id", "evaluations"."position_id", "evaluations"."scheme_id", "evaluations"."scheme_version_id", "evaluations"."status", "evaluations"."revision", "evaluations"."total_centi", "evaluations"."grade", "evaluations"."k", "evaluations"."vetoed", "evaluations"."base_salary_fen", "evaluations"."bonus_base_fen", "evaluations"."bonus_fen", "evaluations"."pay_total_fen", "evaluations"."breakdown", "evaluations"."missing_required", "evaluations"."complete", "evaluations"."submitted_at", "evaluations"."confirm_due_at", "evaluations"."confirmed_at", "evaluations"."confirmed_how", "evaluations"."created_at", "evaluations"."updated_at", "employees"."employee_no" as "party_employee_no", "employees"."name" as "party_name", "employees"."user_id" as "party_user_id", "employees"."active" as "party_active", "periods"."status" as "party_period_status", 0 as "party_supervises" from "evaluations" inner join "employees" on ("employees"."tenant_id" = "evaluations"."tenant_id" and "employees"."id" = "evaluations"."employee_id") inner join "periods" on ("periods"."tenant_id" = "evaluations"."tenant_id" and "periods"."id" = "evaluations"."period_id") where ("evaluations"."id" = ? and "evaluations"."tenant_id" = ?)',
  /** Binds: tenant, id. */
  inputs:
    'select "id", "tenant_id", "evaluation_id", "kind", "indicator", "rule", "value", "count", "passed", "evidence", "source", "recorded_by", "entered_by", "key_id", "voided", "voided_by_appeal", "created_at" from "evaluation_inputs" where ("evaluation_inputs"."tenant_id" = ? and "evaluation_inputs"."evaluation_id" = ?) order by "evaluation_inputs"."created_at" asc',
  /** Binds: tenant, id. */
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
  'entered_by',
  'key_id',
  'voided',
  'voided_by_appeal',
  'created_at',
];
