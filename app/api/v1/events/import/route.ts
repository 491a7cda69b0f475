// Guard: userRoute("event.import", …): creating a forum from a bundle needs the site permission.
import { z } from "zod";
import { userRoute } from "@/lib/actions/route";
import { importBundle } from "@/lib/events/bundle";

export const dynamic = "force-dynamic";

/** POST /api/v1/events/import (admin / organizer) with a forum bundle → 201 {slug} of a new draft; 422 when malformed. */
export const POST = userRoute("event.import", { body: z.record(z.string(), z.unknown()), status: 201 }, async ({ db, actor, body }) => {
  const created = await importBundle(db, actor, body, { source: "api" });
  return { slug: created.slug };
});
