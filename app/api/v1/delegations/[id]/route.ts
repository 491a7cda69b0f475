// Guard: eventRoute("registration.manage", …): the forum comes from the delegation id (scope), checked before any write.
import { z } from "zod";
import { eventRoute } from "@/lib/actions/route";
import { parse } from "@/lib/actions/result";
import { delegationEventId } from "@/lib/delegations/api";
import { deleteDelegation, updateDelegation } from "@/lib/delegations/commands";
import { delegationPatchSchema } from "@/lib/delegations/validation";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

const scope = (db: Parameters<typeof delegationEventId>[0], { params }: { params: { id: string } }) => delegationEventId(db, params.id);

/** PATCH /api/v1/delegations/{id} (organizer): {quota?, replyBy?, status?}. */
export const PATCH = eventRoute("registration.manage", { params: idParams, body: z.record(z.string(), z.unknown()), scope }, async ({ db, actor, event, params, body, locale }) => {
  const v = parse(delegationPatchSchema(locale), body);
  await updateDelegation(db, actor, { ...v, eventId: event.id, id: params.id, locale });
  return { id: params.id };
});

/** DELETE /api/v1/delegations/{id} (organizer): remove the unit, cancel its delegates, release its seats. */
export const DELETE = eventRoute("registration.manage", { params: idParams, scope }, async ({ db, actor, event, params, locale }) => {
  const r = await deleteDelegation(db, actor, { eventId: event.id, id: params.id, locale });
  return { id: r.id, cancelled: r.cancelled, promoted: r.promoted };
});
