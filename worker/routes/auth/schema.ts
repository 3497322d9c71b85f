import { z } from '@hono/zod-openapi';
import { keyScopes, roles } from '../../../db/schema';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { email, isoTime, password, personName } from '../../routes/schemas';

export const slug = oneLine()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9-]+$/)
  .openapi({ example: 'lvyuan-wuye', description: 'Company slug: a-z, 0-9 and -, 3–40 characters' });

export const signupBody = z
  .object({
    companyName: oneLine().trim().min(1).max(100).openapi({ example: '绿苑物业服务有限公司' }),
    slug,
    adminName: personName.openapi({ example: '王丽' }),
    email: email.openapi({ example: 'hr@lvyuan.example' }),
    password,
  })
  .openapi('SignupRequest');

export const loginBody = z
  // A password at sign-in is only compared with a hash: it follows no text rule, so an account
  // whose password predates the rules can still sign in.
  .object({ slug, email, password: z.string().min(1).max(200) })
  .openapi('LoginRequest');

export const passwordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict()
  // The same password again would leave whoever set it still knowing it.
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    params: { i18n: messages.PASSWORD_SAME_AGAIN },
  })
  .openapi('PasswordChange');

export const tenantSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: isoTime })
  .openapi('Tenant');

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    active: z.boolean(),
    mustChangePassword: z.boolean().openapi({
      description:
        'Someone else set the password: the person must choose their own (POST /auth/password) first',
    }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('User');

export const sessionAnswer = z
  .object({
    tenant: tenantSchema,
    user: userSchema,
    csrfToken: z
      .string()
      .openapi({ description: 'Send back as X-CSRF-Token on every cookie-authenticated write' }),
  })
  .openapi('Session');

export const meAnswer = z
  .object({
    tenant: tenantSchema,
    principal: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('user'),
        user: userSchema,
        csrfToken: z.string(),
        creatableRoles: z
          .array(z.enum(roles))
          .openapi({ description: 'The roles this person may create accounts with (none unless HR)' }),
      }),
      z.object({ kind: z.literal('api_key'), keyId: z.string(), scopes: z.array(z.enum(keyScopes)) }),
    ]),
  })
  .openapi('Me');
