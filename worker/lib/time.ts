/** ISO-8601 UTC with milliseconds; sorts lexically in D1. */
export const nowIso = (): string => new Date().toISOString();

export const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();
