import type { ReportParams } from '../../../../db/schema';
import { ApiError } from '../../../lib/errors';
import type { Lang } from '../../../lib/i18n';
import { findPeriod } from '../../evaluations/periods';
import type { Scope } from '../../scope';
import { type SchemeFacts, schemeFactsOf } from '../../summary/scheme-facts';

type PeriodRow = Awaited<ReturnType<typeof findPeriod>>;

/** What a report kind is made from: its creator's scope (their visibility), language, params. */
export interface KindContext {
  scope: Scope;
  lang: Lang;
  params: ReportParams;
  /** The report's period and the schemes used in it (period kinds only). */
  period(): Promise<{ scope: Scope; lang: Lang; period: PeriodRow; facts: SchemeFacts }>;
}

export function kindContext(scope: Scope, lang: Lang, params: ReportParams): KindContext {
  return {
    scope,
    lang,
    params,
    async period() {
      if (!params.periodId) throw new ApiError('VALIDATION_FAILED', { field: 'periodId' });
      const period = await findPeriod(scope, params.periodId);
      return { scope, lang, period, facts: await schemeFactsOf(scope, period.id) };
    },
  };
}
