import type { appeals, evaluationInputs, evaluations } from '../../../db/schema';
import type { EvaluationInputs, SchemeContent, SchemeError } from '../scheme';
import type { Action, EvaluationStatus, Relation } from './workflow';

/*
 * The evaluation aggregate's vocabulary: what it knows about one evaluation (its state), the
 * changes it accepts, and what it answers (the new state, the rows to write and the audit
 * entry, or a refusal naming the rule).
 */

export type EvaluationRow = typeof evaluations.$inferSelect;
export type InputRow = typeof evaluationInputs.$inferSelect;
export type AppealRow = typeof appeals.$inferSelect;

/** What scoring and the workflow's steps need beside the row; org changes and locking do not. */
export interface EvaluationDetail {
  inputs: InputRow[];
  appeals: AppealRow[];
  /** The pinned scheme version's content. */
  content: SchemeContent;
}

export interface EvaluationState {
  row: EvaluationRow;
  period: { id: string; key: string; status: 'open' | 'closed' };
  /** `active`: a deactivated employee (a leaver) receives no new inputs. */
  employee: { employeeNo: string; name: string; active: boolean };
  /** How the caller stands to this evaluation. */
  relation: Relation;
  detail?: EvaluationDetail;
}

/** What a pure function cannot make itself: the time, new ids, who acts. */
export interface ChangeContext {
  now: string;
  actorId: string;
  /** The person behind the change (a key's creator) and the key it came through, if any. */
  enteredBy: string;
  keyId: string | null;
  newId: (prefix: 'inp' | 'apl' | 'evl') => string;
}

export interface PositionPay {
  baseSalaryFen: number;
  bonusBaseFen: number;
}

export type Change =
  | {
      kind: 'record';
      /** `record` through the API, `ingest` through /ingest: their rules and audit actions differ. */
      via: 'record' | 'ingest';
      inputs: EvaluationInputs;
      source: InputRow['source'];
    }
  | { kind: 'removeInput'; inputId: string }
  | { kind: 'submit' }
  | { kind: 'confirm' }
  | { kind: 'approve' }
  | { kind: 'lock' }
  | { kind: 'appeal'; reason: string; disputedInputIds: string[] }
  | { kind: 'resolve'; answer: string; voidInputIds: string[] }
  | { kind: 'reopen'; reason: string }
  /** The employee moved department and/or position: the evaluation follows, if not settled. */
  | { kind: 'follow'; departmentId?: string; position?: { id: string; pay: PositionPay } }
  | { kind: 'leave'; reason: string };

export type Refusal =
  | { rule: 'own_evaluation'; action: Action }
  | { rule: 'not_allowed'; action: Action }
  | {
      rule: 'wrong_state';
      action: Action;
      status: EvaluationStatus;
      allowedFrom: readonly EvaluationStatus[];
    }
  | { rule: 'period_closed'; key: string }
  | { rule: 'employee_inactive'; employeeNo: string }
  | { rule: 'inputs_invalid'; errors: SchemeError[] }
  | { rule: 'rated_twice'; field: string; indicator: string }
  | { rule: 'missing_required'; keys: string[] }
  | { rule: 'unknown_inputs'; field: string; ids: { index: number; id: string }[] }
  | { rule: 'input_not_found' };

/** The rows one change writes; the store turns them into statements. */
export interface Writes {
  /** Columns of the evaluation that change; the revision step (guarded) comes with them. */
  update?: Partial<EvaluationRow>;
  insert?: EvaluationRow;
  /** The evaluation goes, with its inputs and appeals. */
  remove?: true;
  insertInputs?: InputRow[];
  deleteInputIds?: string[];
  voidInputs?: { ids: string[]; appealId: string | null };
  insertAppeal?: AppealRow;
  resolveAppeal?: Pick<AppealRow, 'answer' | 'voidedInputIds' | 'resolvedBy' | 'resolvedAt'>;
}

/** One audit entry about this evaluation (entity type and id are the evaluation's). */
export interface AuditEntry {
  action: string;
  before?: unknown;
  after?: unknown;
}

export type Outcome =
  | { ok: true; state: EvaluationState; writes: Writes; audit: AuditEntry[] }
  | { ok: false; refusal: Refusal };

export const refuse = (refusal: Refusal): Outcome => ({ ok: false, refusal });

/** The parts of an evaluation that the audit log records before and after a change. */
export function auditView(e: EvaluationRow) {
  return {
    status: e.status,
    revision: e.revision,
    total: e.totalCenti / 100,
    grade: e.grade,
    k: e.k,
    vetoed: e.vetoed,
    bonusFen: e.bonusFen,
    payTotalFen: e.payTotalFen,
    missingRequired: e.missingRequired,
  };
}

/** What the API and the audit log show of an input. */
export function publicInput(r: InputRow) {
  return {
    id: r.id,
    kind: r.kind,
    indicator: r.indicator,
    rule: r.rule,
    value: r.value,
    count: r.count,
    passed: r.passed,
    evidence: r.evidence,
    source: r.source,
    recordedBy: r.recordedBy,
    enteredBy: r.enteredBy,
    keyId: r.keyId,
    voided: r.voided,
    voidedByAppeal: r.voidedByAppeal,
    createdAt: r.createdAt,
  };
}
