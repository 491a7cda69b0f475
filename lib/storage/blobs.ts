/**
 * Where uploaded bytes live. Default and only backend for now: the database (media_blobs), which works for the
 * embedded mode and for several instances on one Postgres (DESIGN §3.9). S3-compatible storage is NOT implemented:
 * it would plug in here (put/get by key) — see README "Reports".
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { mediaBlobs } from "@/db/schema";

export async function putBlob(db: Db | Tx, key: string, data: Buffer): Promise<void> {
  await db.insert(mediaBlobs).values({ key, data });
}

export async function getBlob(db: Db | Tx, key: string): Promise<Buffer | null> {
  const [row] = await db.select({ data: mediaBlobs.data }).from(mediaBlobs).where(eq(mediaBlobs.key, key)).limit(1);
  return row?.data ?? null;
}
