import { pageCacheEnabled, pageCacheStats } from "@/lib/cache/page-cache";
import { dbHandle } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Liveness, database reachability and the page cache's state, for load balancers and operators. */
export async function GET() {
  const cache = { enabled: pageCacheEnabled(), ...pageCacheStats() };
  try {
    const h = await dbHandle();
    await h.query("select 1");
    return json({ ok: true, db: h.kind, cache });
  } catch {
    return json({ ok: false, db: env.DATABASE_URL ? "postgres" : "pglite", cache, error: "Database unreachable." }, 503);
  }
}
