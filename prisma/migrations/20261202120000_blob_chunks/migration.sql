-- CreateTable
CREATE TABLE "BlobChunk" (
    "key" TEXT NOT NULL,
    "offset" BIGINT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "BlobChunk_pkey" PRIMARY KEY ("key","offset")
);

-- Photos and office files do not compress: store them out of line without trying.
ALTER TABLE "BlobChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
