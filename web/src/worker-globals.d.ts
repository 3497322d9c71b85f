// The dashboard type-checks against the Worker's route types (hono/client). Those files name
// a few Workers globals; they are borrowed here as module types so the DOM lib stays intact.
import type {
  D1Database as D1,
  D1PreparedStatement as D1S,
  DurableObjectNamespace as DON,
  Fetcher as F,
  R2Bucket as R2,
} from '@cloudflare/workers-types';

declare global {
  type D1Database = D1;
  type D1PreparedStatement = D1S;
  type DurableObjectNamespace = DON;
  type R2Bucket = R2;
  type Fetcher = F;
  interface SubtleCrypto {
    timingSafeEqual(a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean;
  }
}
