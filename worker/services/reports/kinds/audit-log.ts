import { and, asc, eq, gt, gte, lte } from 'drizzle-orm';
import { apiKeys, auditLog, users } from '../../../../db/schema';
import { type Cell, column, type ReportSource } from '../cells';
import { actorTypeNames, headers, reportTitle } from '../texts';
import type { KindContext } from './context';
import { PAGE_ROWS } from './named-evaluations';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-28 16:00:00`: China has one time zone, UTC+8, and no daylight saving. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `20261128`: the Beijing date, as a file name shows it. */
export const beijingDay = (iso: string) => beijingTime(iso).slice(0, 10).replaceAll('-', '');

/** 审计日志: entries in `from`…`to` (ISO times), oldest first, actors by name, both clocks. */
export async function auditLogReport(ctx: KindContext): Promise<ReportSource> {
  const { scope, lang, params } = ctx;
  const from = new Date(params.from ?? 0).toISOString();
  const to = new Date(params.to ?? 0).toISOString();
  const col = (h: keyof typeof headers, width?: number) => column(lang, headers[h], 'text', width);
  const columns = [
    column(lang, headers.seq, 'int', 8),
    col('atBeijing', 20),
    col('atUtc', 25),
    col('actorType', 10),
    col('actor', 14),
    col('actorId', 26),
    col('action', 22),
    col('entityType', 14),
    col('entityId', 26),
    col('before', 60),
    col('after', 60),
  ];
  async function* pages(): AsyncGenerator<Cell[][]> {
    let afterSeq = 0;
    for (;;) {
      const page = await scope.db
        .select({
          seq: auditLog.seq,
          at: auditLog.at,
          actorType: auditLog.actorType,
          actorId: auditLog.actorId,
          userName: users.name,
          keyName: apiKeys.name,
          action: auditLog.action,
          entityType: auditLog.entityType,
          entityId: auditLog.entityId,
          before: auditLog.before,
          after: auditLog.after,
        })
        .from(auditLog)
        .leftJoin(users, and(eq(users.tenantId, auditLog.tenantId), eq(users.id, auditLog.actorId)))
        .leftJoin(apiKeys, and(eq(apiKeys.tenantId, auditLog.tenantId), eq(apiKeys.id, auditLog.actorId)))
        .where(
          and(
            eq(auditLog.tenantId, scope.tenantId),
            gte(auditLog.at, from),
            lte(auditLog.at, to),
            gt(auditLog.seq, afterSeq),
          ),
        )
        .orderBy(asc(auditLog.seq))
        .limit(PAGE_ROWS);
      if (page.length === 0) return;
      yield page.map((e) => [
        e.seq,
        beijingTime(e.at),
        e.at,
        actorTypeNames[e.actorType][lang],
        e.userName ?? e.keyName ?? null,
        e.actorId,
        e.action,
        e.entityType,
        e.entityId,
        e.before,
        e.after,
      ]);
      if (page.length < PAGE_ROWS) return;
      afterSeq = page.at(-1)!.seq;
    }
  }
  return {
    title: reportTitle('audit-log', lang, { from: beijingDay(from), to: beijingDay(to) }),
    columns,
    pages: pages(),
  };
}
