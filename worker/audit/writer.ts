import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { GENESIS_HASH } from './chain';
import type { Head, Lease, Outcome, WriterStub } from './lease';

/** A live holder must renew at least this often; a dead one stalls its tenant this long at most. */
export const LEASE_MS = 5_000;

interface Waiter {
  resolve(lease: Lease): void;
  reject(err: unknown): void;
}

/**
 * The sequencer of one tenant's audited writes (one instance per tenant, named by its id).
 *
 * Plans are closures in the Worker, so the write itself runs there; this object hands out a
 * lease on the chain, one holder at a time, in arrival order, with the head the holder appends
 * after. D1 stays the store and the source of truth: the head is read from D1 only when this
 * object starts, and after a holder's outcome was unknown or its lease expired. Should a holder
 * that was taken for dead commit after all, UNIQUE(tenant_id, seq) on audit_log refuses the
 * later of the two batches, whose writer plans again on a fresh head: the chain cannot fork.
 *
 * A Durable Object interleaves its calls at every await, so the order lives in `waiting`, not
 * in the call stack; `granting` keeps a second grant from starting while one reads D1.
 */
export class TenantWriter extends DurableObject<Env> {
  private head: Head | undefined;
  private holder: { id: string; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly waiting: Waiter[] = [];
  private granting = false;
  private tenantId = '';
  /** Tests shorten it (runInDurableObject) to let a holder die quickly. */
  leaseMs = LEASE_MS;
  /** What this instance did since it started, for tests and for a look at a live tenant. */
  readonly counts = { granted: 0, released: 0, expired: 0, headReads: 0, lateReleases: 0, mostWaiting: 0 };

  /** Resolves when it is the caller's turn: the lease carries the head to append after. */
  acquire(tenantId: string): Promise<Lease> {
    this.tenantId = tenantId;
    const turn = new Promise<Lease>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.counts.mostWaiting = Math.max(this.counts.mostWaiting, this.waiting.length);
    void this.grant();
    return turn;
  }

  /** Keeps a live holder's lease; false if it had expired (its batch may then be refused). */
  renew(leaseId: string): boolean {
    if (this.holder?.id !== leaseId) return false;
    clearTimeout(this.holder.timer);
    this.holder.timer = this.expireLater(leaseId);
    return true;
  }

  /** The holder is done; the next waiter gets the lease with the new head. */
  release(leaseId: string, outcome: Outcome): boolean {
    if (this.holder?.id !== leaseId) {
      // An expired holder finished after all. If it wrote, the head we hold (or handed on) is
      // behind D1; the current holder's batch will collide on seq and plan again.
      this.counts.lateReleases += 1;
      if (outcome !== 'unchanged') this.head = undefined;
      return false;
    }
    clearTimeout(this.holder.timer);
    this.holder = undefined;
    this.counts.released += 1;
    if (outcome === 'unknown') this.head = undefined;
    else if (outcome !== 'unchanged') this.head = outcome;
    void this.grant();
    return true;
  }

  stats() {
    return { ...this.counts, waiting: this.waiting.length, held: this.holder !== undefined };
  }

  private async grant() {
    if (this.granting || this.holder || this.waiting.length === 0) return;
    this.granting = true;
    try {
      if (!this.head) {
        try {
          this.head = await this.readHead();
        } catch (err) {
          // D1 did not answer: the first in line hears it, the others try again after it.
          this.waiting.shift()?.reject(err);
          return;
        }
      }
      const next = this.waiting.shift();
      if (!next) return;
      const id = crypto.randomUUID();
      this.holder = { id, timer: this.expireLater(id) };
      this.counts.granted += 1;
      next.resolve({ id, head: this.head, ttlMs: this.leaseMs });
    } finally {
      this.granting = false;
      if (!this.holder && this.waiting.length > 0) void this.grant();
    }
  }

  private expireLater(leaseId: string) {
    return setTimeout(() => {
      if (this.holder?.id !== leaseId) return;
      // The holder died or hangs; it may have committed, so the head is read from D1 again.
      this.holder = undefined;
      this.head = undefined;
      this.counts.expired += 1;
      void this.grant();
    }, this.leaseMs);
  }

  private async readHead(): Promise<Head> {
    this.counts.headReads += 1;
    const row = await this.env.DB.prepare(
      'SELECT seq, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1',
    )
      .bind(this.tenantId)
      .first<Head>();
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }
}

// commit() talks to the writer through WriterStub: the compiler checks that it matches.
export const stubMatches = (stub: DurableObjectStub<TenantWriter>): WriterStub => stub;
