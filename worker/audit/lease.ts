// The contract between commit() and the tenant writer (writer.ts), kept apart from the class so
// that code which only talks to it (and the dashboard's type check) need not load the runtime.

/** The last entry of a tenant's audit chain. */
export interface Head {
  seq: number;
  hash: string;
}

/** The right to append to the chain after `head`, until released or expired. */
export interface Lease {
  id: string;
  head: Head;
  /** The holder renews well before this; a holder that stops renewing is taken to be dead. */
  ttlMs: number;
}

/**
 * How a holder's write ended: the chain's new head, `unchanged` (nothing was written, or D1
 * said the batch failed and rolled back), or `unknown` (we cannot tell: read D1 again).
 */
export type Outcome = Head | 'unchanged' | 'unknown';

/** The writer's methods as a caller in the Worker sees them (RPC: every answer is a promise). */
export interface WriterStub {
  acquire(tenantId: string): Promise<Lease>;
  renew(leaseId: string): Promise<boolean>;
  release(leaseId: string, outcome: Outcome): Promise<boolean>;
}
