import { z } from '@hono/zod-openapi';
import { schemeStatusValues, schemeVersionStatusValues } from '../../../db/schema';
import { schemeContentSchema, templates } from '../../domain/scheme';
import { messages } from '../../lib/messages';
import { multiLine, oneLine } from '../../lib/text';
import { idParam, isoTime } from '../schemas';

/*
 * Draft content is checked for shape and size only (schemeContentSchema: every field typed,
 * every string and list bounded, unknown fields refused, the 1 MiB body limit on top), so HR
 * can save work in progress: points that do not sum to 100, bands with gaps, a target of 0.
 * The cross-field rules run at publish (and preview), naming each field that breaks them.
 */
export const contentSchema = schemeContentSchema.openapi('SchemeContent', {
  description:
    'maxScore, categories, indicators (quantity | ratio | deduction | rating | checklist | bonus | veto) and ' +
    'grade bands. Saved drafts need only the shape; publishing checks the rules.',
});

const schemeName = oneLine().trim().min(1).max(100);
const description = multiLine().trim().max(1000);
const templateIds = templates.map((t) => t.id) as [string, ...string[]];

export const schemeParams = idParam('sch');
export const versionParams = schemeParams.extend({
  version: oneLine()
    .max(64)
    .openapi({
      param: { name: 'version', in: 'path' },
      example: '1',
      description: 'Version number: 1, 2, …',
    }),
});

export const templateSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), content: contentSchema })
  .openapi('SchemeTemplate');

export const schemeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(schemeStatusValues),
    currentVersion: z.number().int().nullable().openapi({ description: 'Highest published version' }),
    draftVersion: z.number().int().nullable().openapi({ description: 'The open draft, if any' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Scheme');

export const versionSummarySchema = z
  .object({
    id: z.string(),
    schemeId: z.string(),
    version: z.number().int(),
    status: z.enum(schemeVersionStatusValues),
    createdAt: isoTime,
    updatedAt: isoTime,
    publishedAt: isoTime.nullable(),
    publishedBy: z.string().nullable(),
  })
  .openapi('SchemeVersionSummary');

export const schemeDetailSchema = schemeSchema
  .extend({ versions: z.array(versionSummarySchema) })
  .openapi('SchemeDetail');

const fieldIssue = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const versionSchema = versionSummarySchema
  .extend({
    content: contentSchema,
    publishable: z.boolean().openapi({ description: 'A draft whose content passes every rule' }),
    problems: z
      .array(fieldIssue)
      .openapi({ description: 'What blocks publishing this draft, field by field' }),
  })
  .openapi('SchemeVersion');

export const createBody = z
  .object({
    name: schemeName.optional().openapi({ description: 'Required unless fromTemplate gives one' }),
    description: description.optional(),
    content: contentSchema
      .optional()
      .openapi({ description: 'Version 1 draft; empty when neither is given' }),
    fromTemplate: z.enum(templateIds).optional().openapi({ description: 'Copy a built-in template' }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.content !== undefined && body.fromTemplate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fromTemplate'],
        message: 'give either content or fromTemplate, not both',
        params: {
          i18n: messages.SCHEME_CONTENT_OR_TEMPLATE,
        },
      });
    }
    if (body.name === undefined && body.fromTemplate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'is required',
        params: {
          i18n: messages.SCHEME_NAME_REQUIRED,
        },
      });
    }
  })
  .openapi('CreateScheme');

export const patchBody = z
  .object({ name: schemeName, description })
  .partial()
  .strict()
  .openapi('UpdateScheme');

export const draftBody = z.object({ content: contentSchema }).strict().openapi('UpdateSchemeDraft');

export { scoreResultSchema } from './breakdown';
