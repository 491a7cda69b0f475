/**
 * What a search box over a forum's registrations matches — the console's list, its export and bulk "all matching",
 * and the check-in desk's search for a guest without the QR: one definition, so a name found on one screen is found
 * on the other. A case-insensitive substring of name, e-mail, organization, position or phone, or the exact ticket code.
 */
import "server-only";
import { eq, ilike, or, type SQL } from "drizzle-orm";
import { registrations } from "@/db/schema";

/** `%q%` with LIKE's own characters escaped, so "100%" finds "100%" and not everything. */
export function likeSubstring(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function registrationMatches(q: string): SQL {
  const like = likeSubstring(q.trim());
  return or(
    ilike(registrations.fullName, like),
    ilike(registrations.email, like),
    ilike(registrations.organization, like),
    ilike(registrations.position, like),
    ilike(registrations.phone, like),
    eq(registrations.ticketCode, q.trim()),
  )!;
}
