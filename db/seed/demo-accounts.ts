/**
 * Demo accounts, one per role (DESIGN §5). Passwords are published in the README on purpose: these accounts exist
 * only in a freshly seeded demo database. The admin is a site admin; organizer and staff get their per-event roles
 * from event_staff (db/seed/index.ts); the attendee is a plain user.
 */
import type { Db } from "../client";
import { users } from "../schema";
import { hashPassword } from "../password";

export type DemoRole = "admin" | "organizer" | "staff" | "attendee";

export type DemoAccount = {
  role: DemoRole;
  email: string;
  name: string;
  password: string;
  siteRole: "admin" | "user";
  organization: string;
  position: string;
};

export const DEMO_ACCOUNTS = [
  {
    role: "admin",
    email: "admin@huiwu.demo",
    name: "演示管理员",
    password: "huiwu-admin-2025",
    siteRole: "admin",
    organization: "会务平台",
    position: "系统管理员",
  },
  {
    role: "organizer",
    email: "organizer@huiwu.demo",
    name: "演示组织者",
    password: "huiwu-organizer-2025",
    siteRole: "user",
    organization: "四川省县域经济学会",
    position: "会务组负责人",
  },
  {
    role: "staff",
    email: "staff@huiwu.demo",
    name: "演示工作人员",
    password: "huiwu-staff-2025",
    siteRole: "user",
    organization: "四川新闻网传媒集团",
    position: "会务工作人员",
  },
  {
    role: "attendee",
    email: "attendee@huiwu.demo",
    name: "演示参会者",
    password: "huiwu-attendee-2025",
    siteRole: "user",
    organization: "沿滩高新技术产业园区管委会",
    position: "与会代表",
  },
] as const satisfies readonly DemoAccount[];

/** Inserts the four demo users (argon2id password hashes) and returns their ids by role. */
export async function seedDemoAccounts(db: Db): Promise<Record<DemoRole, string>> {
  const values = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({
      name: a.name,
      email: a.email.toLowerCase(),
      emailVerified: new Date(),
      passwordHash: await hashPassword(a.password),
      siteRole: a.siteRole,
      organization: a.organization,
      position: a.position,
      locale: "zh-CN" as const,
    })),
  );
  const rows = await db.insert(users).values(values).returning({ id: users.id, email: users.email });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const ids = {} as Record<DemoRole, string>;
  for (const a of DEMO_ACCOUNTS) {
    const id = byEmail.get(a.email.toLowerCase());
    if (!id) throw new Error(`demo account ${a.email} was not inserted`);
    ids[a.role] = id;
  }
  return ids;
}
