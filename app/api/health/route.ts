import { pageCacheReport } from "@/lib/cache/page-cache";
import { dbHandle } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Liveness, database reachability and the page cache's state, for load balancers and operators. Deliberately not on
 * the route family (lib/actions/route.ts): it must answer 503 when the database is down, before any preamble touches it.
 */
export async function GET() {
  const cache = await pageCacheReport().catch(() => null);
  try {
    const h = await dbHandle();
    await h.query("select 1");
    return json({ ok: true, db: h.kind, cache });
  } catch {
    return json({ ok: false, db: env.DATABASE_URL ? "postgres" : "pglite", cache, error: "Database unreachable." }, 503);
  }
}
