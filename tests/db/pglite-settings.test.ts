/**
 * The embedded engine's buffer pool (db/client.ts PGLITE_SHARED_BUFFERS_DEFAULT, env PGLITE_SHARED_BUFFERS): Postgres's
 * own 128MB would be allocated and touched inside the process at start. The setting reaches PGlite, and a reopened
 * data directory gets it again (it is a start parameter, not written into the data directory).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, PGLITE_SHARED_BUFFERS_DEFAULT } from "@/db/client";

const shown = async (h: Awaited<ReturnType<typeof openDatabase>>) => (await h.query<{ shared_buffers: string }>("show shared_buffers"))[0].shared_buffers;

describe("PGlite shared_buffers", () => {
  it("is 16MB by default, configurable, and applied again on reopen", async () => {
    expect(PGLITE_SHARED_BUFFERS_DEFAULT).toBe("16MB");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-pgsettings-"));
    try {
      const a = await openDatabase({ dataDir: dir });
      expect(await shown(a)).toBe("16MB");
      await a.close();
      const b = await openDatabase({ dataDir: dir, pgliteSharedBuffers: "48MB" });
      expect(await shown(b)).toBe("48MB");
      await b.close();
      const c = await openDatabase({ dataDir: dir });
      expect(await shown(c)).toBe("16MB"); // not persisted by the 48MB open
      await c.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
