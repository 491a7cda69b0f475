"use server";
// Guard: every action is eventAction("checkin.perform", …) (lib/actions/define.ts) on the forum in the input; tests/db/guards.test.ts proves each refuses weak callers.
/** Check-in desk actions: the family (lib/actions/define.ts) guards checkin.perform on the forum in the input. */
import { z } from "zod";
import { eventAction } from "@/lib/actions/define";
import { checkIn, undoCheckIn } from "./commands";
import { checkinCounts, deskCard, deskSearch, recentCheckins } from "./queries";
import { checkInSchema, deskSearchSchema, undoCheckInSchema } from "./validation";

export const checkInAction = eventAction("checkin.perform", checkInSchema, async ({ db, actor, input }) => {
  const r = await checkIn(db, actor, input);
  // the desk's card and counters are independent reads: one round trip, not two in a row
  const [card, counts] = await Promise.all([deskCard(db, input.eventId, r.registration.id), checkinCounts(db, input.eventId)]);
  return { ...r, card: card!, counts };
});

export const undoCheckInAction = eventAction("checkin.perform", undoCheckInSchema, async ({ db, actor, input }) => {
  await undoCheckIn(db, actor, input);
  return { counts: await checkinCounts(db, input.eventId) };
});

export const deskSearchAction = eventAction("checkin.perform", deskSearchSchema, ({ db, input }) => deskSearch(db, input.eventId, input.q));

/** Live counters and the recent list (polled by the desk). */
export const deskStateAction = eventAction("checkin.perform", z.object({ eventId: z.uuid() }), async ({ db, input }) => ({
  counts: await checkinCounts(db, input.eventId),
  recent: await recentCheckins(db, input.eventId, 8),
}));
