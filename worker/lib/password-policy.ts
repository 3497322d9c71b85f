import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ApiError } from './errors';
import type { Texts } from './i18n';
import { messages } from './messages';

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
  blank: messages.PASSWORD_blank,
  oneCharacter: messages.PASSWORD_oneCharacter,
  guessable: messages.PASSWORD_guessable,
} satisfies Record<string, Texts>;

export type PasswordProblem = keyof typeof passwordTexts;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.trim() === '') return 'blank';
  if (new Set(password).size === 1) return 'oneCharacter';
  if (estimator.check(password).score < MIN_SCORE) return 'guessable';
  return undefined;
}

/** Whose password it is: a password built from these is the first thing anyone tries. */
export interface PasswordAccount {
  companyName: string;
  slug: string;
  email: string;
  /** The person's name (the new one, when it changes with the password). */
  name: string;
}

/**
 * The account's own words for zxcvbn's user-input dictionary: the company name and slug, the
 * e-mail, its local part and domain, the person's name, each whole, in its parts and joined
 * up (`lvyuan-wuye` is also `lvyuan`, `wuye` and `lvyuanwuye`). Words under 3 characters add
 * nothing a brute-force guess would not try anyway.
 */
export function accountWords(account: PasswordAccount): string[] {
  const [local = '', domain = ''] = account.email.split('@');
  const wholes = [account.companyName, account.slug, account.email, local, domain, account.name];
  const words = wholes.flatMap((w) => {
    const parts = w.split(/[\s.@_+-]+/).filter(Boolean);
    return [w, ...parts, parts.join('')];
  });
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

/**
 * Refuses a new password that zxcvbn finds easy to guess once it knows the account's own
 * words: "Greenview2026" for the company Greenview (slug greenview), "wangli-2026" for Wang Li.
 * A 400 naming `password`. Checked by the services, where the company is known: sign-up,
 * a new user, a changed password.
 */
export function assertNotBuiltFromAccount(password: string, account: PasswordAccount): void {
  if (estimator.check(password, accountWords(account)).score >= MIN_SCORE) return;
  throw new ApiError('VALIDATION_FAILED', { message: 'PASSWORD_FROM_ACCOUNT', field: 'password' });
}
