import { sha256Hex, toHex } from '../lib/crypto';
import { canonicalJson } from './chain';

/**
 * A digest, after CloudTrail's digest files: the chain head at a moment, linked to the digest
 * before it, signed with a key that D1 never holds. Whoever rewrites audit rows in D1 and
 * re-hashes the rest of the chain cannot make the head that a digest saw come back.
 */
export interface DigestBody {
  version: 1;
  tenantId: string;
  at: string;
  head: { seq: number; hash: string; at: string | null };
  previousDigestHash: string | null;
}

export interface SignedDigest extends DigestBody {
  /** SHA-256 of the canonical body: what the next digest links to and the signature signs. */
  digestHash: string;
  /** HMAC-SHA-256 of digestHash with AUDIT_DIGEST_KEY, hex. */
  signature: string;
}

const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (!secret) throw new Error('AUDIT_DIGEST_KEY is not set');
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

export const digestHashOf = (body: DigestBody) => sha256Hex(canonicalJson(body));

export async function signDigest(body: DigestBody, secret: string): Promise<SignedDigest> {
  const digestHash = await digestHashOf(body);
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(digestHash));
  return { ...body, digestHash, signature: toHex(mac) };
}

/** The body still hashes to digestHash, and the signature is the key's (constant-time check). */
export async function checkDigest(
  d: SignedDigest,
  secret: string,
): Promise<'ok' | 'digest_altered' | 'signature_invalid'> {
  const { digestHash, signature, ...body } = d;
  if ((await digestHashOf(body)) !== digestHash) return 'digest_altered';
  if (!secret || !/^[0-9a-f]{64}$/.test(signature)) return 'signature_invalid';
  const bytes = Uint8Array.from(signature.match(/../g)!, (h) => Number.parseInt(h, 16));
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, encoder.encode(digestHash));
  return valid ? 'ok' : 'signature_invalid';
}
