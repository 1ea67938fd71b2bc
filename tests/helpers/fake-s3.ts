// A local fake S3 (s3rver) for the S3 blob store's tests: a bucket on a temporary directory, on a free port,
// with the S3_* settings a server would be given. Invariant: stop() removes every object it held.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface FakeS3 {
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startFakeS3(bucket = "rectify"): Promise<FakeS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "rectify-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = (await server.run()) as { port: number };
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
