import type { Band, SchemeContent } from './content';
import { rational, toCenti } from './decimal';

/** A band's bounds in hundredths; band bounds have at most 2 decimals, so this is exact. */
function centiBounds(band: Band): { min: number; max: number } {
  return { min: toCenti(rational(band.min)), max: toCenti(rational(band.max)) };
}

/** The band with the smallest min: the one that also includes its min, and the default veto grade. */
export function lowestBand(content: Pick<SchemeContent, 'bands'>): Band | null {
  return content.bands.reduce<Band | null>((low, b) => (low === null || b.min < low.min ? b : low), null);
}

/** The band named `grade`, if any. */
export function bandByGrade(content: Pick<SchemeContent, 'bands'>, grade: string): Band | null {
  return content.bands.find((b) => b.grade === grade) ?? null;
}

/**
 * The band a total (in hundredths) falls in: `min < total ≤ max`, the lowest band also taking
 * its min. Comparing integers keeps 95.00 in B and 95.01 in A with no rounding doubt.
 */
export function gradeFor(content: Pick<SchemeContent, 'bands'>, totalCenti: number): Band | null {
  const lowest = lowestBand(content);
  for (const band of content.bands) {
    const { min, max } = centiBounds(band);
    if (totalCenti <= max && (totalCenti > min || (band === lowest && totalCenti === min))) return band;
  }
  return null;
}
