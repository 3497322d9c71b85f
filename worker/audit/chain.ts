import { sha256Hex } from '../lib/crypto';

/** The hash that starts every tenant's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns of an audit row that its hash covers (everything but the hash itself). */
export interface AuditRecord {
  id: string;
  tenantId: string;
  seq: number;
  at: string;
  actorType: 'user' | 'api_key' | 'system';
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(prevHash ‖ "\n" ‖ canonical entry): each entry seals the one before it. */
export function hashRecord(record: AuditRecord): Promise<string> {
  const { prevHash, ...rest } = record;
  return sha256Hex(`${prevHash}\n${canonicalJson({ ...rest, prevHash })}`);
}
