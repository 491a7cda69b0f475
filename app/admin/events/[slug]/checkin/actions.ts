"use server";
// Guard: every action goes through eventAction(), which calls requirePermission("checkin.perform", { eventId }) first.
/** Check-in desk actions: guard (checkin.perform on the forum in the input) → zod → lib/checkin. */
import { z } from "zod";
import { checkIn, undoCheckIn } from "@/lib/checkin/commands";
import { checkinCounts, deskSearch, recentCheckins } from "@/lib/checkin/queries";
import { checkInSchema, deskSearchSchema, undoCheckInSchema } from "@/lib/checkin/validation";
import { eventAction } from "@/lib/console/action";

export async function checkInAction(input: unknown) {
  return eventAction("checkin.perform", input, checkInSchema, async (db, actor, v) => {
    const r = await checkIn(db, actor, v);
    return { ...r, counts: await checkinCounts(db, v.eventId) };
  });
}

export async function undoCheckInAction(input: unknown) {
  return eventAction("checkin.perform", input, undoCheckInSchema, async (db, actor, v) => {
    await undoCheckIn(db, actor, v);
    return { counts: await checkinCounts(db, v.eventId) };
  });
}

export async function deskSearchAction(input: unknown) {
  return eventAction("checkin.perform", input, deskSearchSchema, async (db, _actor, v) => deskSearch(db, v.eventId, v.q));
}

/** Live counters and the recent list (polled by the desk). */
export async function deskStateAction(input: unknown) {
  return eventAction("checkin.perform", input, z.object({ eventId: z.uuid() }), async (db, _actor, v) => ({
    counts: await checkinCounts(db, v.eventId),
    recent: await recentCheckins(db, v.eventId, 8),
  }));
}
