// Guard: publicRoute on purpose: the liaison has no account; the ≥128-bit revocable reply token in the path is the credential and scopes the write to its unit (unknown/revoked → 404).
import { z } from "zod";
import { publicRoute } from "@/lib/actions/route";
import { parse } from "@/lib/actions/result";
import { submitReply } from "@/lib/delegations/commands";
import { replySchema } from "@/lib/delegations/validation";
import { tokenParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/**
 * PUT /api/v1/replies/{replyToken}/delegates (no account): the list replaces the previous one. 422 above the quota
 * or for bad input, 409 after reply-by or when the unit is closed, 404 for an unknown or revoked token.
 */
export const PUT = publicRoute(
  "the secret reply token (≥128 bits) is the credential",
  { params: z.object({ token: tokenParam }), body: z.record(z.string(), z.unknown()), where: "PUT /api/v1/replies/…/delegates" },
  async ({ db, params, body, locale }) => {
    const v = parse(replySchema(locale), body);
    const r = await submitReply(db, { token: params.token, delegates: v.delegates, locale });
    return { delegates: r.delegates };
  },
);
