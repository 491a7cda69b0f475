import { dbHandle } from "@/lib/db";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and start-up scripts. */
export async function GET() {
  try {
    const h = await dbHandle();
    await h.query("select 1");
    return json({ ok: true, db: h.kind });
  } catch {
    return json({ ok: false, db: process.env.DATABASE_URL ? "postgres" : "pglite", error: "Database unreachable." }, 503);
  }
}
