import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Texts } from './i18n';

/**
 * zxcvbn's estimate, not a home-made list: it knows ~30,000 leaked passwords and also scores
 * sequences (1234567890), keyboard walks (qwertyuiop, 1qaz2wsx), repeats and dates, which a
 * plain list misses. Only the language-common package (passwords, diceware, keyboard graphs)
 * is loaded, ~430 KB before compression, to keep the Worker bundle small.
 */
const estimator = new ZxcvbnFactory({
  dictionary,
  graphs: adjacencyGraphs,
  // A password this long is not guessable anyway; the cap bounds the CPU zxcvbn spends.
  maxLength: 100,
});

/** zxcvbn score 3: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;

export const passwordTexts = {
  blank: {
    'zh-CN': '密码不能全是空白字符',
    en: 'must not be only whitespace',
  },
  oneCharacter: {
    'zh-CN': '密码不能只由同一个字符重复组成',
    en: 'must not be a single character repeated',
  },
  guessable: {
    'zh-CN': '密码太常见或太容易猜到（如常用密码、连续数字、键盘序列），请换一个更少见的密码',
    en: 'is too common or too easy to guess (a well-known password, a sequence, a keyboard walk); choose a less common one',
  },
} satisfies Record<string, Texts>;

export type PasswordProblem = keyof typeof passwordTexts;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.trim() === '') return 'blank';
  if (new Set(password).size === 1) return 'oneCharacter';
  if (estimator.check(password).score < MIN_SCORE) return 'guessable';
  return undefined;
}
