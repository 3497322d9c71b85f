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

/** What the finished object carries; rows and SHA-256 are known only at the end. */
export interface ObjectInfo {
  contentType: string;
  metadata: Record<string, string>;
}

/**
 * A file written to R2 with its SHA-256 and size computed as the bytes pass: at most one 5 MiB
 * part (plus one page of rows) is ever held in memory.
 *
 * A file that stays under one part is put in one call at the end, with its full metadata. A
 * larger one goes up as a multipart upload, part by part, to a temporary key; R2 cannot change
 * an object's metadata after its upload began, so the finished upload is then streamed (by R2,
 * not through memory) to the real key with the rows and SHA-256, and the temporary one removed.
 * Until `finish` is done there is no object at the real key; `abort` discards what was
 * uploaded, so a failure half-way leaves nothing that could be served.
 */
export class PartUpload implements ByteSink {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private readonly hash = createHash('sha256');
  private readonly parts: R2UploadedPart[] = [];
  private upload: R2MultipartUpload | undefined;
  private readonly uploadKey: string;
  bytes = 0;

  constructor(
    private readonly bucket: R2Bucket,
    private readonly key: string,
    private readonly info: ObjectInfo,
  ) {
    this.uploadKey = `${key}.upload`;
  }

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

  /** Stores the file at its key with `metadata` added; answers its size and SHA-256. */
  async finish(metadata: Record<string, string>): Promise<{ bytes: number; sha256: string }> {
    await this.drain();
    const sha256 = this.hash.digest('hex');
    const options = {
      httpMetadata: { contentType: this.info.contentType },
      customMetadata: { ...this.info.metadata, ...metadata, sha256 },
    };
    if (!this.upload) {
      const body = this.take(this.buffered);
      await storing(() => this.bucket.put(this.key, body, options));
      return { bytes: this.bytes, sha256 };
    }
    if (this.buffered > 0) await this.uploadPart(this.take(this.buffered));
    const upload = this.upload;
    await storing(() => upload.complete(this.parts));
    await storing(async () => {
      const object = await this.bucket.get(this.uploadKey);
      if (!object) throw new Error(`the completed upload ${this.uploadKey} is missing`);
      await this.bucket.put(this.key, object.body.pipeThrough(new FixedLengthStream(object.size)), options);
    });
    await this.bucket.delete(this.uploadKey).catch(() => undefined);
    return { bytes: this.bytes, sha256 };
  }

  /** Throws nothing: it runs on the way out of another failure. */
  async abort(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    try {
      await this.upload?.abort();
    } catch {
      // Completed already, or unknown to R2: the deletes below cover the first case.
    }
    await this.bucket.delete([this.uploadKey, this.key]).catch(() => undefined);
  }

  private async uploadPart(body: Uint8Array): Promise<void> {
    this.upload ??= await storing(() =>
      this.bucket.createMultipartUpload(this.uploadKey, {
        httpMetadata: { contentType: this.info.contentType },
      }),
    );
    const upload = this.upload;
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
