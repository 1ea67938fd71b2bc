// Blob store in S3-compatible object storage (S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY). A whole blob is one object; an upload in progress is one object per appended chunk
// under parts/<key>/<offset, 15 digits>, so any server continues it. Invariants: an append writes only at the
// current length, with If-None-Match so two servers racing at one offset cannot both win (where the service
// honours it); move of a chunked blob writes the whole object in one PutObject (readers see all or nothing)
// before dropping the chunks.
import { PassThrough, Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { checkKey, type BlobStore } from "./blob-store.ts";

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (http://host/bucket/key): MinIO, s3rver and most self-hosted services need them. */
  forcePathStyle: boolean;
}

const partPrefix = (key: string) => `parts/${key}/`;
const partName = (key: string, offset: number) => `${partPrefix(key)}${String(offset).padStart(15, "0")}`;

function missing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

export class S3BlobStore implements BlobStore {
  readonly kind = "s3" as const;
  private readonly s3: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.s3 = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Only what the call needs: many S3-compatible services reject the newer default checksum trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private async headSize(key: string): Promise<number | null> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  private async *objects(prefix: string): AsyncIterable<{ key: string; size: number }> {
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key, size: o.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async parts(key: string): Promise<{ key: string; size: number }[]> {
    const all: { key: string; size: number }[] = [];
    for await (const o of this.objects(partPrefix(key))) all.push(o);
    return all.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  private async body(key: string): Promise<Readable> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return out.Body as Readable;
  }

  async stat(key: string): Promise<number | null> {
    const whole = await this.headSize(checkKey(key));
    if (whole !== null) return whole;
    const parts = await this.parts(key);
    return parts.length ? parts.reduce((n, p) => n + p.size, 0) : null;
  }

  async get(key: string): Promise<Readable | null> {
    if ((await this.headSize(checkKey(key))) !== null) return this.body(key);
    const parts = await this.parts(key);
    if (!parts.length) return null;
    const body = (k: string) => this.body(k);
    async function* concat() {
      for (const p of parts) for await (const c of await body(p.key)) yield c as Buffer;
    }
    return Readable.from(concat());
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: checkKey(key), Body: bytes }));
  }

  async append(key: string, offset: number, chunk: Uint8Array): Promise<number | null> {
    if (((await this.stat(key)) ?? 0) !== offset) return null;
    try {
      await this.s3.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: partName(key, offset), Body: chunk, IfNoneMatch: "*" }),
      );
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return null;
      throw err;
    }
    return offset + chunk.byteLength;
  }

  async move(from: string, to: string): Promise<void> {
    if ((await this.headSize(checkKey(to))) !== null) return this.delete(from);
    const size = await this.headSize(checkKey(from));
    if (size !== null) {
      await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}` }));
      return this.delete(from);
    }
    const parts = await this.parts(from);
    const total = parts.reduce((n, p) => n + p.size, 0);
    const stream = new PassThrough();
    const feed = (async () => {
      for (const p of parts) for await (const c of await this.body(p.key)) stream.write(c);
      stream.end();
    })();
    feed.catch((err: unknown) => stream.destroy(err as Error));
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: to, Body: stream, ContentLength: total }));
    await feed;
    await this.delete(from);
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
    for (const p of await this.parts(key)) {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: p.key }));
    }
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    for await (const o of this.objects(prefix)) yield o;
    // Uploads in progress: one entry per chunked blob, with the chunks' total size.
    const chunked = new Map<string, number>();
    for await (const o of this.objects(`parts/${prefix}`)) {
      const key = o.key.slice("parts/".length).replace(/\/\d{15}$/, "");
      chunked.set(key, (chunked.get(key) ?? 0) + o.size);
    }
    for (const [key, size] of chunked) yield { key, size };
  }
}
