import { createHash } from 'node:crypto';
import type { ByteSink } from './formats/sink';

/** R2 wants every part but the last to be at least 5 MiB (and all but the last equal). */
export const PART_BYTES = 5 * 1024 * 1024;

/** R2 refused a call: the report fails as a storage failure, not as a data one. */
export class StorageError extends Error {}

const storing = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    throw new StorageError(err instanceof Error ? err.message : String(err));
  }
};

/**
 * A file written to R2 as a multipart upload, a part at a time, with its SHA-256 and size
 * computed as the bytes pass: at most one part (plus one page of rows) is ever held in memory.
 * Until `finish` completes the upload there is no object; `abort` discards the parts, so a
 * failure half-way leaves nothing that could be served.
 */
export class PartUpload implements ByteSink {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private readonly hash = createHash('sha256');
  private readonly parts: R2UploadedPart[] = [];
  private upload: R2MultipartUpload | undefined;
  bytes = 0;

  constructor(
    private readonly bucket: R2Bucket,
    private readonly key: string,
    private readonly options: R2MultipartOptions,
  ) {}

  write(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.hash.update(chunk);
    this.chunks.push(chunk);
    this.buffered += chunk.byteLength;
    this.bytes += chunk.byteLength;
  }

  async drain(): Promise<void> {
    while (this.buffered >= PART_BYTES) await this.uploadPart(this.take(PART_BYTES));
  }

  /** Uploads the rest as the last part and completes: the object exists from here on. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    await this.drain();
    if (this.buffered > 0 || this.parts.length === 0) await this.uploadPart(this.take(this.buffered));
    const upload = await this.started();
    await storing(() => upload.complete(this.parts));
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Throws nothing: it runs on the way out of another failure. */
  async abort(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    try {
      await this.upload?.abort();
    } catch {
      // An upload R2 no longer knows is as good as aborted; its parts expire on their own.
    }
  }

  private async started(): Promise<R2MultipartUpload> {
    this.upload ??= await storing(() => this.bucket.createMultipartUpload(this.key, this.options));
    return this.upload;
  }

  private async uploadPart(body: Uint8Array): Promise<void> {
    const upload = await this.started();
    this.parts.push(await storing(() => upload.uploadPart(this.parts.length + 1, body)));
  }

  /** The first `n` buffered bytes as one array; the remainder stays buffered. */
  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const room = n - filled;
      if (head.byteLength <= room) {
        out.set(head, filled);
        filled += head.byteLength;
        this.chunks.shift();
      } else {
        out.set(head.subarray(0, room), filled);
        this.chunks[0] = head.subarray(room);
        filled += room;
      }
    }
    this.buffered -= n;
    return out;
  }
}
