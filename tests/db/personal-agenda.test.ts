/** The personal agenda starts with every session of the forum one registers for; "add all" and "clear" (issue 13 §13). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { agendaSessions } from "@/db/schema";
import { registerForEvent } from "@/lib/registrations/commands";
import { personalAgenda, setAllSessions } from "@/lib/registrations/personal-agenda";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";

describe.each(testEngines())("personal agenda on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  it("registering puts every session on the agenda (the site visit only when joined); clear and add all", async () => {
    const e = await makeOpenForum(h.db, { withSiteVisit: true });
    const at = (hours: number) => new Date(e.startsAt.getTime() + hours * 3600_000);
    await h.db.insert(agendaSessions).values([
      { eventId: e.id, kind: "keynote", title: "主题演讲", startsAt: at(4), endsAt: at(5) },
      { eventId: e.id, kind: "exchange", title: "经验交流", startsAt: at(5), endsAt: at(6) },
    ]);
    const [a, b] = await makeDelegates(h.db, 2, "pa");
    await registerForEvent(h.db, a!, { eventSlug: e.slug, data: sampleInput({ siteVisit: false }) });
    const mine = async (userId: string) => {
      const [f] = await personalAgenda(h.db, userId);
      return f!.sessions.filter((s) => s.selected || s.auto).map((s) => s.title);
    };
    expect(await mine(a!.id)).toEqual(["主题演讲", "经验交流"]);

    await setAllSessions(h.db, a!, { eventId: e.id, selected: false });
    expect(await mine(a!.id)).toEqual([]);
    await setAllSessions(h.db, a!, { eventId: e.id, selected: true });
    expect(await mine(a!.id)).toEqual(["主题演讲", "经验交流"]);
    // another person's agenda is theirs alone
    expect(await personalAgenda(h.db, b!.id)).toEqual([]);
  });
});
