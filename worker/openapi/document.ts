import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import type { ErrorCode } from '../lib/errors';
import { format, type Lang } from '../lib/i18n';
import { messages } from '../lib/messages';
import { operationCatalogue } from './catalogue';
import { applyFieldDocs } from './fields/apply';
import { tags } from './tags';

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

const info = {
  'zh-CN': {
    title: 'Jixiao（绩效）API',
    description:
      '物业公司客服人员绩效考核。登录用户使用会话 Cookie（写请求需带 X-CSRF-Token 和同源 Origin）；集成方使用 `Authorization: Bearer pek_…`。错误总是 `{"error":{"code","message","details","requestId"}}`，语言取自 Accept-Language（默认 zh-CN，可选 en）。本文档也按 Accept-Language 给出中文或英文。',
  },
  en: {
    title: 'Jixiao (绩效) API',
    description:
      'Performance evaluation for property-company customer service. People use a session cookie (writes need X-CSRF-Token and a same-origin Origin); integrators use `Authorization: Bearer pek_…`. Errors are always `{"error":{"code","message","details","requestId"}}`, in the language of Accept-Language (zh-CN by default, or en). This document, too, comes in Chinese or English by Accept-Language.',
  },
};

const text = (code: string, lang: Lang, key?: string) =>
  format(messages[(key ?? code) in messages ? ((key ?? code) as keyof typeof messages) : 'INTERNAL'][lang]);

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  responses?: Record<
    string,
    {
      description?: string;
      'x-error-codes'?: ErrorCode[];
      'x-error-messages'?: Record<string, string>;
      content?: Record<string, { example?: { error?: { message?: string } } }>;
    }
  >;
};

/**
 * The document in one language: info, tags, each operation's summary and description from the
 * catalogue, and each error answer's description and example message.
 */
export function localizeDocument(doc: Document, lang: Lang): Document {
  doc.info = {
    ...doc.info,
    ...info[lang],
    // Not open source: an SPDX LicenseRef, since the API is offered as a service.
    license: { name: 'Proprietary', identifier: 'LicenseRef-Jixiao-Proprietary' },
  };
  doc.tags = tags.map((t) => ({
    name: t.name,
    description: t.description[lang],
    'x-displayName': t.displayName[lang],
  }));
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (typeof op !== 'object' || !op?.responses) continue;
      const entry = op.operationId ? operationCatalogue[op.operationId] : undefined;
      if (entry) {
        op.summary = entry.summary[lang];
        op.description = entry.description[lang];
      }
      for (const res of Object.values(op.responses)) {
        const codes = res['x-error-codes'];
        if (!codes) continue;
        const keys = res['x-error-messages'] ?? {};
        res.description = codes.map((c) => `${c}: ${text(c, lang, keys[c])}`).join('; ');
        const example = res.content?.['application/json']?.example;
        if (example?.error) example.error.message = text(codes[0]!, lang, keys[codes[0]!]);
      }
    }
  }
  applyFieldDocs(doc as unknown as Record<string, unknown>, lang);
  return doc;
}
