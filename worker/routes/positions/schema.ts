import { z } from '@hono/zod-openapi';
import { oneLine } from '../../lib/text';
import { isoTime } from '../schemas';

/** Money in integer fen (分): 3000 元 is 300000. Never negative, never fractional. */
export const fen = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .openapi({ description: 'CNY in integer fen (1 元 = 100 分), 0 to 100,000,000', example: 300000 });

const name = oneLine().trim().min(1).max(100).openapi({ example: '客服专员' });

export const positionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    baseSalaryFen: z.number().int().openapi({ description: '基本工资, fen' }),
    bonusBaseFen: z.number().int().openapi({ description: '绩效奖金基数, fen' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Position');

export const createPositionBody = z
  .object({ name, baseSalaryFen: fen, bonusBaseFen: fen })
  .strict()
  .openapi('CreatePosition');
export const updatePositionBody = z
  .object({ name, baseSalaryFen: fen, bonusBaseFen: fen })
  .partial()
  .strict()
  .openapi('UpdatePosition');
