import type { Lang } from './i18n';
import { format } from './i18n';
import { type MessageKey, messages } from './messages';

export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/** One invalid field: `field` is a dotted path into the payload (`indicators[2].points`). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

interface ApiErrorOptions {
  message?: MessageKey;
  params?: Record<string, string | number>;
  details?: FieldIssue[] | Record<string, unknown>;
  /** The one input field at fault; becomes `details: [{field, code, message}]`. */
  field?: string;
  headers?: Record<string, string>;
}

/** An expected failure: becomes the `{error:{…}}` envelope with the code's status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: ApiErrorOptions = {},
  ) {
    super(code);
    this.status = errorStatus[code];
  }

  localized(lang: Lang): string {
    const key = this.options.message ?? (this.code in messages ? (this.code as MessageKey) : 'INTERNAL');
    return format(messages[key][lang], this.options.params);
  }
}

export const notFound = () => new ApiError('NOT_FOUND');
export const forbidden = () => new ApiError('FORBIDDEN');

/** A single-field validation error raised by a service after the zod shape check passed. */
export function fieldError(lang: Lang, field: string, code: string, texts: Record<Lang, string>): ApiError {
  return new ApiError('VALIDATION_FAILED', { details: [{ field, code, message: texts[lang] }] });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}
