import type { reports } from '../../../db/schema';
import type { Lang } from '../../lib/i18n';
import { format } from '../../lib/i18n';
import { type MessageKey, messages } from '../../lib/messages';

export type ReportRow = typeof reports.$inferSelect;

/** The report as the API shows it; a failure's message in the reader's language. */
export function publicReport(r: ReportRow, lang: Lang, creatorName: string | null) {
  const code = r.errorCode as MessageKey | null;
  return {
    id: r.id,
    kind: r.kind,
    format: r.format,
    status: r.status,
    params: r.params,
    fileName: r.fileName,
    rows: r.rows,
    bytes: r.bytes,
    sha256: r.sha256,
    error:
      code === null
        ? null
        : { code, message: format((messages[code] ?? messages.REPORT_FAILED)[lang], r.errorParams ?? {}) },
    createdBy: { type: r.createdByType, id: r.createdById, name: creatorName },
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
  };
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * RFC 6266 / RFC 8187: `filename*` carries the Chinese name in UTF-8; `filename` is an ASCII
 * fallback for clients that know only that (the kind stands in for the Chinese words).
 */
export function contentDisposition(r: Pick<ReportRow, 'fileName' | 'kind'>): string {
  let fallback = r.fileName.replace(/[^\x20-\x7e]+/g, '').replace(/["\\]/g, '');
  if (!/^[A-Za-z0-9]/.test(fallback)) fallback = `${r.kind}${fallback.startsWith('-') ? '' : '-'}${fallback}`;
  const encoded = encodeURIComponent(r.fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
