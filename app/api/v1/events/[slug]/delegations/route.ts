// Guard: eventRoute("registration.manage") to invite, eventRoute("registration.read") to list, on the forum in the path.
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { parse } from "@/lib/actions/result";
import { createDelegation } from "@/lib/delegations/commands";
import { replyUrl } from "@/lib/delegations/notify";
import { delegationsOf } from "@/lib/delegations/queries";
import { delegationCreateSchema } from "@/lib/delegations/validation";
import { slugParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** POST /api/v1/events/{slug}/delegations (organizer): invite a unit; 409 when its quota exceeds the free seats. */
export const POST = eventRoute("registration.manage", { params: slugParams, body: z.record(z.string(), z.unknown()), status: 201 }, async ({ db, actor, event, body, locale }) => {
  const v = parse(delegationCreateSchema(locale), body);
  const made = await createDelegation(db, actor, { ...v, eventId: event.id, locale });
  return { id: made.id, organization: made.organization, quota: made.quota, replyBy: made.replyBy.toISOString(), replyUrl: replyUrl(made.replyToken) };
});

/** GET /api/v1/events/{slug}/delegations (organizer or staff): units with their progress. */
export const GET = eventRoute("registration.read", { params: slugParams }, async ({ db, event }) => {
  const list = await delegationsOf(db, event.id);
  return { delegations: list.map((d) => ({ id: d.id, organization: d.organization, quota: d.quota, filled: d.filled, status: d.status, replyBy: d.replyBy.toISOString() })) };
});
