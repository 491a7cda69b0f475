/** Account reads. */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

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
