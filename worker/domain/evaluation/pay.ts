/**
 * 工资总额 = 基本工资 + 绩效奖金基数 × K, in integer fen. K has at most two decimals, so the
 * bonus is computed on integers (fen × K-hundredths) and rounded half-up to the fen once.
 */
export function payFor(baseSalaryFen: number, bonusBaseFen: number, k: number) {
  const kHundredths = Math.round(k * 100);
  const bonusFen = Math.floor((bonusBaseFen * kHundredths + 50) / 100);
  return { baseSalaryFen, bonusBaseFen, k, bonusFen, totalFen: baseSalaryFen + bonusFen };
}
