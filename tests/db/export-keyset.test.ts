/**
 * Regression: the export pages through registrations by (created_at, id). Rows written by the database itself carry
 * microsecond timestamps (and a bulk insert gives many rows the same one); a cursor truncated to a JS Date's
 * milliseconds re-read the same page forever. Every row must come out exactly once, across page boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { events } from "@/db/schema";
import { exportCsvStream } from "@/lib/registrations/export";
import { parseCsv } from "@/lib/registrations/csv";
import { createTestDb, testEngines } from "../fixtures/db";
import { plainExportLabels } from "../fixtures/export-labels";

const labels = plainExportLabels;

describe.each(testEngines())("export paging on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  it("exports every row exactly once with microsecond and identical timestamps", async () => {
    const [ev] = await h.db.insert(events).values({ slug: "keyset", title: "K", startsAt: new Date(), endsAt: new Date() }).returning();
    // 6,000 rows sharing one created_at (one statement's now()), 6,000 with distinct microsecond times
    await h.query(
      `insert into registrations (event_id, status, full_name, ticket_code)
       select $1, 'confirmed', 'a' || g, md5('a' || g) from generate_series(1, 6000) g`,
      [ev.id],
    );
    await h.query(
      `insert into registrations (event_id, status, full_name, ticket_code, created_at)
       select $1, 'confirmed', 'b' || g, md5('b' || g), now() + ((g * 7 + 3) || ' microseconds')::interval from generate_series(1, 6000) g`,
      [ev.id],
    );
    const stream = await exportCsvStream(h.db, ev.id, labels);
    const parts: Uint8Array[] = [];
    const reader = stream.getReader();
    for (let total = 0; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      total += value.byteLength;
      if (total > 50 * 1024 * 1024) throw new Error("export runs away (more than 50 MB for 12,000 rows)");
    }
    const rows = parseCsv(new TextDecoder().decode(Buffer.concat(parts))).slice(1).filter((r) => r.fields.length > 1);
    expect(rows).toHaveLength(12_000);
    const names = new Set(rows.map((r) => r.fields[0]));
    expect(names.size).toBe(12_000);
  });
});
