import { z } from "zod";
import { publicRoute } from "@/lib/actions/route";
import { replyJson } from "@/lib/delegations/api";
import { replyView } from "@/lib/delegations/queries";
import { tokenParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** GET /api/v1/replies/{replyToken} (no account): the unit's reply slip; 404 for an unknown or revoked token. */
export const GET = publicRoute("the secret reply token (≥128 bits) is the credential", { params: z.object({ token: tokenParam }), where: "GET /api/v1/replies/…" }, async ({ db, params, locale }) =>
  replyJson(await replyView(db, params.token, locale)),
);
