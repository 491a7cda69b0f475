"use server";
// Guard: organizer actions are eventAction("registration.manage", …); the liaison's reply-slip actions are publicAction on purpose — the caller has no account, the ≥128-bit revocable reply token in the input is the credential and scopes every write to its unit (lib/delegations/commands.ts).
/**
 * Delegation server actions. Console actions: eventAction("registration.manage") — an invited unit's delegates are
 * registrations, so whoever manages the forum's registrations manages its units; the forum is the input's eventId.
 * The liaison's actions are publicAction: the reply token in the input IS the credential (≥ 128 bits, rotatable);
 * the commands answer "not found" for any token that is not a current one.
 * Outer schemas only shape the input; the localized validation runs inside (messages in the caller's language).
 */
import { z } from "zod";
import { eventAction, publicAction } from "@/lib/actions/define";
import { DomainError, parse } from "@/lib/actions/result";
import { zonedToDate } from "@/lib/events/zoned";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import type { Db } from "@/db/client";
import {
  bulkCreateDelegations,
  createDelegation,
  deleteDelegation,
  releaseDelegation,
  resendDelegationLink,
  saveReplyDraft,
  submitReply,
  updateDelegation,
} from "./commands";
import { parsePastedInvites } from "./import";
import { delegationCreateSchema, delegationPatchSchema, replySchema } from "./validation";

const str = z.string().max(20_000).optional();
const ADMIN_PATH = { path: "/admin/events/[slug]/delegations", type: "page" as const };

/** "YYYY-MM-DDTHH:mm" from a datetime-local field, in the forum's zone. */
async function replyByOf(db: Db, eventId: string, raw: string | undefined, _locale?: Locale): Promise<Date | undefined> {
  if (!raw) return undefined;
  const [e] = await db.select({ tz: events.timezone }).from(events).where(eq(events.id, eventId));
  const d = zonedToDate(raw, e?.tz ?? "Asia/Shanghai") ?? (Number.isNaN(Date.parse(raw)) ? null : new Date(raw));
  if (!d) throw new DomainError("invalid", "delegations.errors.invalid", { fieldErrors: { replyBy: ["delegations.validation.date"] } });
  return d;
}

const createInput = z.object({
  eventId: z.uuid(),
  organization: str,
  quota: str,
  liaisonName: str,
  liaisonPhone: str,
  liaisonEmail: str,
  replyBy: str,
  note: str,
});

export const createDelegationAction = eventAction(
  "registration.manage",
  createInput,
  async ({ db, actor, input }) => {
    const locale = await requestLocale();
    const replyBy = await replyByOf(db, input.eventId, input.replyBy, locale);
    const v = parse(delegationCreateSchema(locale), {
      organization: input.organization ?? "",
      quota: input.quota ?? "",
      liaison: { name: input.liaisonName ?? "", phone: input.liaisonPhone ?? "", email: input.liaisonEmail ?? "" },
      note: input.note,
    });
    const made = await createDelegation(db, actor, { ...v, replyBy, eventId: input.eventId, locale });
    return { id: made.id };
  },
  { revalidate: ADMIN_PATH },
);

export const bulkInviteAction = eventAction(
  "registration.manage",
  // a pasted list; a CSV/XLSX file goes to POST /api/v1/events/{slug}/delegations/import (uploads are routes, issue 12 item 7)
  z.object({ eventId: z.uuid(), text: z.string().max(1_000_000).optional() }),
  async ({ db, actor, input }) => {
    const locale = await requestLocale();
    const rows = input.text?.trim() ? parsePastedInvites(input.text, locale) : [];
    const res = await bulkCreateDelegations(db, actor, { eventId: input.eventId, rows, locale });
    return { created: res.created, failed: res.failed, errors: res.results.filter((r) => !r.ok).map((r) => ({ row: r.row, error: (r as { error: string }).error })) };
  },
  { revalidate: ADMIN_PATH },
);

export const updateDelegationAction = eventAction(
  "registration.manage",
  z.object({ eventId: z.uuid(), id: z.uuid(), quota: str, replyBy: str, status: z.enum(["invited", "replied", "closed"]).optional(), note: str }),
  async ({ db, actor, input }) => {
    const locale = await requestLocale();
    const replyBy = await replyByOf(db, input.eventId, input.replyBy, locale);
    const v = parse(delegationPatchSchema(locale), { quota: input.quota || undefined, status: input.status, note: input.note });
    return updateDelegation(db, actor, { ...v, replyBy, eventId: input.eventId, id: input.id, locale });
  },
  { revalidate: ADMIN_PATH },
);

const unitInput = z.object({ eventId: z.uuid(), id: z.uuid() });

export const releaseDelegationAction = eventAction(
  "registration.manage",
  unitInput,
  async ({ db, actor, input }) => releaseDelegation(db, actor, { ...input, locale: await requestLocale() }),
  { revalidate: ADMIN_PATH },
);

export const deleteDelegationAction = eventAction(
  "registration.manage",
  unitInput,
  async ({ db, actor, input }) => deleteDelegation(db, actor, { ...input, locale: await requestLocale() }),
  { revalidate: ADMIN_PATH },
);

export const resendDelegationLinkAction = eventAction(
  "registration.manage",
  unitInput.extend({ rotate: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()).default(false) }),
  async ({ db, actor, input }) => {
    await resendDelegationLink(db, actor, { ...input, locale: await requestLocale() });
    return { sent: true };
  },
  { revalidate: ADMIN_PATH },
);

// ── the liaison (no account: the token is the credential) ──

const replyInput = z.object({ token: z.string().min(22).max(64), delegates: z.array(z.record(z.string(), z.unknown())).max(500) });

export const saveReplyDraftAction = publicAction("reply slip addressed by its secret token (≥128 bits)", replyInput, async ({ db, input }) => {
  const r = await saveReplyDraft(db, { token: input.token, delegates: input.delegates, locale: await requestLocale() });
  return { savedAt: r.savedAt.toISOString() };
});

export const submitReplyAction = publicAction("reply slip addressed by its secret token (≥128 bits)", replyInput, async ({ db, input }) => {
  const locale = await requestLocale();
  const v = parse(replySchema(locale), { delegates: input.delegates });
  return submitReply(db, { token: input.token, delegates: v.delegates, locale });
});
