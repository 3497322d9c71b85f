import { csMonthly } from './cs-monthly';
import { expressOperator } from './express-operator';
import type { SchemeTemplate } from './shared';
import { siteProperty } from './site-property';

export type { SchemeTemplate } from './shared';

/** Built-in schemes, zh-CN, that a tenant starts from. */
export const templates: readonly SchemeTemplate[] = [csMonthly, expressOperator, siteProperty];

/** The built-in template with this id, or null. */
export function findTemplate(id: string): SchemeTemplate | null {
  return templates.find((t) => t.id === id) ?? null;
}
