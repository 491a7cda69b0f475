/** The organizer API's view of a forum (PATCH answers with it): ISO times with the forum's offset. */
import "server-only";
import type { events } from "@/db/schema";
import { isoInZone } from "@/lib/i18n/format";

export function eventAdminJson(e: typeof events.$inferSelect) {
  const iso = (d: Date | null) => (d ? isoInZone(d, e.timezone) : null);
  return {
    slug: e.slug,
    title: e.title,
    titleEn: e.titleEn,
    status: e.status,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    timezone: e.timezone,
    capacity: e.capacity,
    registrationOpensAt: iso(e.registrationOpensAt),
    registrationClosesAt: iso(e.registrationClosesAt),
    requiresApproval: e.requiresApproval,
    waitlistEnabled: e.waitlistEnabled,
  };
}
