import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rooms } from "@/db/schema";

export async function roomsOf(db: Db, eventId: string) {
  return db.select().from(rooms).where(eq(rooms.eventId, eventId)).orderBy(asc(rooms.order), asc(rooms.name));
}
export type RoomRow = Awaited<ReturnType<typeof roomsOf>>[number];
