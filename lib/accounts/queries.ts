/** Account reads. */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { normalizeEmail } from "@/lib/auth/email";

export async function profileOf(db: Db, userId: string) {
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organization: users.organization,
      position: users.position,
      phone: users.phone,
      locale: users.locale,
      siteRole: users.siteRole,
      hasPassword: users.passwordHash,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return u ? { ...u, hasPassword: Boolean(u.hasPassword) } : null;
}

/** The preferred interface language of an account (after a successful sign-in: the UI switches to it). */
export async function localeOfEmail(db: Db, email: string): Promise<"zh-CN" | "en" | null> {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return u?.locale ?? null;
}
