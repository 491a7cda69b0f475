/** The operator CLI (scripts/cli.ts): bootstrap users and forum roles, audited as "system". */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, eventStaff, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { verifyPassword } from "@/lib/auth/password";
import { parseArgs, runAccountsCli as runCli } from "@/scripts/commands/accounts";
import { createTestDb, testEngines } from "../fixtures/db";
import { buildGuardWorld } from "../fixtures/guard-world";

describe.each(testEngines())("cli on %s", (engine) => {
  let h: DbHandle;
  const out: string[] = [];
  const cli = (line: string[]) => runCli(line, h, (l) => out.push(l));
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  it("parses --key value and --flag", () => {
    expect(parseArgs(["user", "create", "--email", "a@b.cn", "--admin", "--name=张 三"])).toEqual({
      cmd: ["user", "create"],
      opts: { email: "a@b.cn", admin: true, name: "张 三" },
    });
  });

  it("user create (admin), then event grant / revoke, all audited", async () => {
    await cli(["user", "create", "--email", "Boss@Example.CN", "--password", "operator-pass-1", "--name", "运维", "--admin"]);
    const [u] = await h.db.select().from(users).where(eq(users.email, "boss@example.cn"));
    expect(u.siteRole).toBe("admin");
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(u.passwordHash!, "operator-pass-1")).toBe(true);

    const { world } = await buildGuardWorld(h.db);
    await cli(["event", "grant", "--event", world.eventSlug, "--email", "boss@example.cn", "--role", "organizer"]);
    const [role] = await h.db.select().from(eventStaff).where(and(eq(eventStaff.userId, u.id), eq(eventStaff.eventId, world.eventId)));
    expect(role.role).toBe("organizer");
    await cli(["event", "revoke", "--event", world.eventSlug, "--email", "BOSS@example.cn"]);
    expect(await h.db.select().from(eventStaff).where(eq(eventStaff.userId, u.id))).toHaveLength(0);

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["user.create", null],
      ["event.staff.grant", null],
      ["event.staff.revoke", null],
    ]);
    expect(out.join("\n")).toContain("Created admin boss@example.cn");
  });

  it("refuses bad input with clear errors and writes nothing", async () => {
    const n = (await h.db.select().from(users)).length;
    await expect(cli(["user", "create", "--email", "x@example.cn", "--password", "short", "--name", "x"])).rejects.toBeInstanceOf(DomainError);
    await expect(cli(["user", "create", "--email", "boss@example.cn", "--password", "long-enough-1", "--name", "x"])).rejects.toMatchObject({ code: "conflict", messageKey: "auth.errors.emailTaken" });
    await expect(cli(["event", "grant", "--event", "no-such", "--email", "boss@example.cn", "--role", "staff"])).rejects.toThrow(/No forum/);
    await expect(cli(["event", "grant", "--event", "x", "--email", "boss@example.cn", "--role", "king"])).rejects.toThrow(/organizer or staff/);
    await expect(cli(["user", "frobnicate"])).rejects.toThrow(/Unknown command/);
    expect((await h.db.select().from(users)).length).toBe(n);
  });
});
