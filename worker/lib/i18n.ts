export const langs = ['zh-CN', 'en'] as const;
export type Lang = (typeof langs)[number];

/**
 * Picks the response language from Accept-Language: the first supported tag by q-value,
 * zh-CN when nothing matches (the product's users are Chinese property companies).
 */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export type Texts = Record<Lang, string>;

/** Fills `{name}` placeholders. */
export function format(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
