import { describe, expect, it } from 'vitest';
import * as q from '../../../worker/domain/scheme/decimal';

describe('exact decimals', () => {
  it('reads numbers as the decimal they print as', () => {
    expect(q.rational(0.1)).toEqual({ n: 1n, d: 10n });
    expect(q.rational(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(q.rational(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
    expect(q.rational(1.5e21)).toEqual({ n: 1_500_000_000_000_000_000_000n, d: 1n });
    expect(() => q.rational(Number.NaN)).toThrow(RangeError);
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(q.compare(q.add(q.rational(0.1), q.rational(0.2)), q.rational(0.3))).toBe(0);
  });

  it('rounds half-up to hundredths', () => {
    expect(q.toCenti(q.rational(94.995))).toBe(9500);
    expect(q.toCenti(q.rational(94.994))).toBe(9499);
    expect(q.toCenti(q.rational(1.005))).toBe(101);
    expect(q.toCenti(q.rational(2.675))).toBe(268);
    expect(q.toCenti(q.div(q.int(1), q.int(3)))).toBe(33);
    expect(q.toCenti(q.div(q.int(2), q.int(3)))).toBe(67);
    expect(q.toCenti(q.rational(-0.125))).toBe(-13);
  });

  it('formats hundredths', () => {
    expect(q.centiToNumber(9501)).toBe(95.01);
    expect(q.formatCenti(1800)).toBe('18.00');
    expect(q.formatCenti(5)).toBe('0.05');
    expect(q.formatCenti(-150)).toBe('-1.50');
    expect(q.formatRational(q.div(q.int(1), q.int(3)))).toBe('0.3333');
    expect(q.formatRational(q.rational(0.9))).toBe('0.9');
    expect(q.formatRational(q.int(20))).toBe('20');
  });

  it('counts decimal places as written', () => {
    expect([0.07, 33.33, 12, 1e-7, 0.125, 1.5e21].map(q.decimalPlaces)).toEqual([2, 2, 0, 7, 3, 0]);
  });

  it('round-trips every centi value through centiToNumber and rational', () => {
    for (let c = 0; c <= 20_000; c += 1) {
      const back = q.toCenti(q.rational(q.centiToNumber(c)));
      if (back !== c) expect.fail(`${c} came back as ${back}`);
    }
  });
});
