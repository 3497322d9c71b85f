const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 string from the CSPRNG, rejection-sampled so every character is uniform. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += alphabet[b % 62];
    }
  }
  return out;
}

export const idPrefixes = {
  tenant: 'ten',
  user: 'usr',
  session: 'ses',
  apiKey: 'key',
  audit: 'aud',
} as const;

/** Random, type-prefixed id (`usr_…`): unguessable, so ids leak nothing across tenants. */
export function newId(type: keyof typeof idPrefixes | string): string {
  const prefix = (idPrefixes as Record<string, string>)[type] ?? type;
  return `${prefix}_${randomBase62(20)}`;
}
