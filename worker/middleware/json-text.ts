import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { format, type Lang } from '../lib/i18n';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../lib/json-depth';
import { messages } from '../lib/messages';
import { decodeMarkingInvalid, malformedTextFields } from '../lib/utf8';

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i;

const texts = messages.INVALID_TEXT;

/** A body nested deeper than MAX_JSON_DEPTH, refused before anything recurses into it. */
function tooDeep(lang: Lang) {
  const params = { limit: MAX_JSON_DEPTH };
  return new ApiError('VALIDATION_FAILED', {
    message: 'JSON_TOO_DEEP',
    params,
    details: [{ field: '(body)', code: 'too_deep', message: format(messages.JSON_TOO_DEEP[lang], params) }],
  });
}

/**
 * Every JSON body, before validation: nesting deeper than MAX_JSON_DEPTH is a 400 naming the
 * limit, found on the text before JSON.parse (lib/json-depth.ts); a lone surrogate
 * (`"\ud800"`) or bytes that are not UTF-8 in any string, key or value, is a 400 naming the
 * field (left alone, D1 stores U+FFFD instead, so what the audit log recorded and what a read
 * returns would differ). Installed on every route by defineRoute, after the authorizer so that
 * strangers learn nothing.
 */
export const jsonText: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) return next();
  const { text, invalidBytes } = decodeMarkingInvalid(new Uint8Array(await c.req.arrayBuffer()));
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw tooDeep(c.get('lang'));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return next(); // the validator answers MALFORMED_JSON
  }
  const fields = malformedTextFields(body);
  // Bad bytes right after a `\ud800` escape can pair into a well-formed string; still refused.
  if (fields.length === 0 && invalidBytes) fields.push('(body)');
  if (fields.length > 0) {
    const lang = c.get('lang');
    throw new ApiError('VALIDATION_FAILED', {
      details: fields.map((field) => ({
        field,
        code: 'not_text',
        message: texts[lang].replace('{field}', field),
      })),
    });
  }
  // The validator reads this parsed body instead of decoding the bytes a second time.
  c.req.bodyCache.json = Promise.resolve(body);
  return next();
};
