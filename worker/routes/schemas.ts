import { z } from '@hono/zod-openapi';
import { errorStatus } from '../lib/errors';
import { messages } from '../lib/messages';
import { passwordProblem, passwordTexts } from '../lib/password-policy';
import { oneLine } from '../lib/text';

/** Shared payload pieces, so every resource says "name", "id" and "page" the same way. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

export const idParam = (prefix: string) =>
  z.object({
    id: oneLine()
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, example: `${prefix}_7Hq2…` }),
  });

export const pageQuery = z.object({
  cursor: oneLine().max(200).optional().openapi({ description: 'Opaque cursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const personName = oneLine().trim().min(1).max(100);
export const email = oneLine().trim().toLowerCase().max(254).pipe(z.email());
/** A new password (sign-up, a new user, a change): the one policy, worker/lib/password-policy.ts. */
export const password = oneLine()
  .min(10)
  .max(200)
  .superRefine((value, ctx) => {
    // One reason at a time: a password of the wrong length is not also judged for strength.
    if (value.length < 10 || value.length > 200) return;
    const problem = passwordProblem(value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: passwordTexts[problem].en,
        params: { i18n: passwordTexts[problem] },
      });
  })
  .openapi({
    description:
      'At least 10 characters; refused when only whitespace, one character repeated, or common/easy to guess (zxcvbn score below 3)',
    example: 'correct-horse-42',
  });
export const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-28T08:00:00.000Z' });

/**
 * For `.refine(...)` on a PATCH body: one that names no field would change nothing, so it is a
 * 400 that writes nothing (not a bumped version and an empty audit entry).
 */
export const changesSomething = [
  (body: object) => Object.keys(body).length > 0,
  {
    // Only a body that is otherwise valid: `{"email": …}` is an unknown field, not an empty change.
    when: (payload: { issues: unknown[] }) => payload.issues.length === 0,
    params: {
      i18n: messages.NOTHING_TO_CHANGE,
    },
  },
] as const;
