/**
 * Exact arithmetic for scores. Every number is read from its shortest decimal form (what a
 * person typed: 0.1 is one tenth, not 0.1000000000000000055…) into a BigInt fraction, so no
 * binary floating-point error can move a score across a band boundary. Results leave as
 * integer hundredths ("centi-points"), rounded half-up once per indicator.
 */

/** An exact fraction n/d with d > 0, kept in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/** The integer `i` as a fraction. */
export function int(i: number | bigint): Rational {
  return { n: BigInt(i), d: 1n };
}

/** `x` as written in its shortest decimal form: sign, digits and a power-of-ten scale. */
function parseDecimal(x: number): { negative: boolean; digits: string; scale: number } {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`unexpected number form: ${String(x)}`);
  const [, sign = '', whole = '0', frac = '', exp = '0'] = m;
  return { negative: sign === '-', digits: whole + frac, scale: Number(exp) - frac.length };
}

/** The exact value of the decimal that prints as `x` (e.g. 0.1 → 1/10, 1e-7 → 1/10000000). */
export function rational(x: number): Rational {
  const { negative, digits, scale } = parseDecimal(x);
  let n = BigInt(digits);
  let d = 1n;
  if (scale >= 0) n *= 10n ** BigInt(scale);
  else d = 10n ** BigInt(-scale);
  return make(negative ? -n : n, d);
}

export function add(a: Rational, b: Rational): Rational {
  return make(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return make(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return make(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return make(a.n * b.d, a.d * b.n);
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** Sum of a list (0 when empty). */
export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** Rounds to an integer, halves away from zero ("half-up" as accountants mean it). */
function roundHalfUp(r: Rational): bigint {
  const abs = r.n < 0n ? -r.n : r.n;
  const q = (2n * abs + r.d) / (2n * r.d);
  return r.n < 0n ? -q : q;
}

/** The value in hundredths, rounded half-up: 94.995 → 9500, 1/3 → 33. */
export function toCenti(r: Rational): number {
  return Number(roundHalfUp(mul(r, int(100))));
}

/** Hundredths back to a fraction (exact). */
export function fromCenti(centi: number): Rational {
  return make(BigInt(centi), 100n);
}

/** Hundredths as a JS number: 9501 → 95.01 (the nearest double, which prints as written). */
export function centiToNumber(centi: number): number {
  return centi / 100;
}

/** Hundredths as a fixed two-decimal string: 9501 → '95.01', 1800 → '18.00'. */
export function formatCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A fraction as a short decimal for explanations: at most `decimals` places, no trailing zeros. */
export function formatRational(r: Rational, decimals = 4): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = roundHalfUp(mul(r, { n: scale, d: 1n }));
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  const whole = abs / scale;
  const frac = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** The fraction as the nearest JS number (for machine-readable breakdowns, never for scoring). */
export function toNumber(r: Rational): number {
  return Number(formatRational(r, 10));
}

/** How many decimal places `x` has as written: 0.07 → 2, 1e-7 → 7, 12 → 0. */
export function decimalPlaces(x: number): number {
  return Math.max(0, -parseDecimal(x).scale);
}
