/** The forum's team tab (issue 13 §2): invite, roles, removal, invitations — audited, never without an organizer. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, eventInvitations, events, eventStaff, outbox, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { acceptInvitation, acceptInvitationWithSignUp, changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/lib/team/commands";
import { invitationByToken, teamOf } from "@/lib/team/queries";
import { createTestDb, testEngines } from "../fixtures/db";

describe.each(testEngines())("forum team on %s", (engine) => {
  let h: DbHandle;
  let organizer: Actor;
  let eventId: string;
  const user = async (email: string, name = email.split("@")[0]!) => {
    const [u] = await h.db.insert(users).values({ name, email }).returning();
    return { id: u.id, siteRole: "user" as const, name: u.name, email: u.email };
  };
  const roleOf = async (userId: string) =>
    (await h.db.select({ role: eventStaff.role }).from(eventStaff).where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.userId, userId))))[0]?.role ?? null;
  const tokenOf = (url: string) => url.split("/invite/")[1]!;

  beforeAll(async () => {
    h = await createTestDb(engine);
    organizer = await user("lead@example.com", "组织者");
    const [e] = await h.db
      .insert(events)
      .values({ slug: "team-forum", title: "团队论坛", startsAt: new Date("2026-09-05T01:00:00Z"), endsAt: new Date("2026-09-05T09:00:00Z") })
      .returning();
    eventId = e.id;
    await h.db.insert(eventStaff).values({ eventId, userId: organizer.id, role: "organizer" });
  });
  afterAll(() => h?.close());

  it("an existing account joins at once with the role, is mailed, and the grant is audited with before → after", async () => {
    const staff = await user("desk@example.com", "签到员");
    const r = await inviteMember(h.db, organizer, { eventId, email: "desk@example.com", role: "staff" }, "zh-CN");
    expect(r).toEqual({ kind: "added", userId: staff.id, email: "desk@example.com" });
    expect(await roleOf(staff.id)).toBe("staff");
    const [mail] = await h.db.select().from(outbox).where(and(eq(outbox.kind, "team.added"), eq(outbox.toEmail, "desk@example.com")));
    expect(mail.subject).toContain("团队论坛");
    await changeMemberRole(h.db, organizer, { eventId, userId: staff.id, role: "organizer" });
    expect(await roleOf(staff.id)).toBe("organizer");
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.eventId, eventId), eq(auditLog.entityId, staff.id)));
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual(
      expect.arrayContaining([
        ["event.staff.grant", null, expect.objectContaining({ role: "staff" })],
        ["event.staff.grant", { role: "staff" }, { role: "organizer" }],
      ]),
    );
    await removeMember(h.db, organizer, { eventId, userId: staff.id });
    expect(await roleOf(staff.id)).toBeNull();
  });

  it("a new address gets a 256-bit link (only its hash stored); accepting creates the account with the role, once", async () => {
    const r = await inviteMember(h.db, organizer, { eventId, email: "New.Person@Example.com".toLowerCase(), role: "staff" }, "en");
    if (r.kind !== "invited") throw new Error("expected an invitation");
    const token = tokenOf(r.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await h.db.select().from(eventInvitations).where(eq(eventInvitations.id, r.invitationId));
    expect(stored.tokenHash).not.toContain(token);
    const [mail] = await h.db.select().from(outbox).where(eq(outbox.kind, "team.invited"));
    expect(mail.body).toContain(r.url);
    expect((await teamOf(h.db, eventId)).invitations.map((i) => i.email)).toEqual(["new.person@example.com"]);

    const done = await acceptInvitationWithSignUp(h.db, { token, name: "新同事", password: "a-long-password-1", organization: null, position: null, phone: null }, "127.0.0.1");
    expect(done.slug).toBe("team-forum");
    const [u] = await h.db.select().from(users).where(eq(users.email, "new.person@example.com"));
    expect(await roleOf(u.id)).toBe("staff");
    expect(await invitationByToken(h.db, token)).toBeNull();
    await expect(acceptInvitationWithSignUp(h.db, { token, name: "x", password: "a-long-password-1", organization: null, position: null, phone: null }, null)).rejects.toMatchObject({ code: "not_found" });
  });

  it("an invitation is accepted only by the invited address, and a revoked one not at all", async () => {
    const r = await inviteMember(h.db, organizer, { eventId, email: "invited@example.com", role: "organizer" }, "zh-CN");
    if (r.kind !== "invited") throw new Error("expected an invitation");
    const stranger = await user("stranger@example.com");
    await expect(acceptInvitation(h.db, stranger, tokenOf(r.url))).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(stranger.id)).toBeNull();
    await revokeInvitation(h.db, organizer, { eventId, invitationId: r.invitationId });
    const invited = await user("invited@example.com");
    await expect(acceptInvitation(h.db, invited, tokenOf(r.url))).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(invited.id)).toBeNull();
    // a new invitation for the same address replaces an open one (one open invitation per forum and email)
    const a = await inviteMember(h.db, organizer, { eventId, email: "again@example.com", role: "staff" }, "zh-CN");
    const b = await inviteMember(h.db, organizer, { eventId, email: "again@example.com", role: "organizer" }, "zh-CN");
    if (a.kind !== "invited" || b.kind !== "invited") throw new Error("expected invitations");
    expect(await invitationByToken(h.db, tokenOf(a.url))).toBeNull();
    expect((await invitationByToken(h.db, tokenOf(b.url)))?.role).toBe("organizer");
  });

  it("the last organizer can be neither removed nor demoted, even by two organizers demoting each other at once", async () => {
    await expect(removeMember(h.db, organizer, { eventId, userId: organizer.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeMemberRole(h.db, organizer, { eventId, userId: organizer.id, role: "staff" })).rejects.toMatchObject({ code: "conflict" });
    const second = await user("second@example.com");
    await inviteMember(h.db, organizer, { eventId, email: second.email, role: "organizer" }, "zh-CN");
    const results = await Promise.allSettled([
      changeMemberRole(h.db, organizer, { eventId, userId: second.id, role: "staff" }),
      changeMemberRole(h.db, second, { eventId, userId: organizer.id, role: "staff" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const organizers = await h.db.select().from(eventStaff).where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.role, "organizer")));
    expect(organizers).toHaveLength(1);
  });
});
