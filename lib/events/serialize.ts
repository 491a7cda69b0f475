/** The read API's JSON shapes (the contract other clients rely on: ISO-8601 with the event's offset). */
import { isoInZone } from "@/lib/i18n/format";
import { mediaUrl } from "@/lib/shared/photo";
import type { EventListItem, PublicEventDetail } from "./queries";

export function eventListJson(e: EventListItem) {
  return {
    slug: e.slug,
    title: e.title,
    startsAt: isoInZone(e.startsAt, e.timezone),
    endsAt: isoInZone(e.endsAt, e.timezone),
    timezone: e.timezone,
    city: e.city,
    venue: e.venueName,
    status: e.status,
  };
}

export function eventDetailJson(e: PublicEventDetail) {
  const tz = e.timezone;
  return {
    slug: e.slug,
    title: e.title,
    titleEn: e.titleEn,
    summary: e.summary,
    startsAt: isoInZone(e.startsAt, tz),
    endsAt: isoInZone(e.endsAt, tz),
    timezone: tz,
    status: e.status,
    venue: { name: e.venueName, address: e.venueAddress, city: e.city },
    capacity: e.capacity,
    hosts: e.hosts.map((h) => ({ name: h.organization.name, nameEn: h.organization.nameEn, role: h.role, order: h.order })),
    sessions: e.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      titleEn: s.titleEn,
      kind: s.kind,
      startsAt: isoInZone(s.startsAt, tz),
      endsAt: isoInZone(s.endsAt, tz),
      location: s.location,
      room: s.room ? { id: s.room.id, name: s.room.name, nameEn: s.room.nameEn, floor: s.room.floor, capacity: s.room.capacity } : null,
      speakers: s.speakers.map((sp) => ({
        id: sp.person.id,
        name: sp.person.name,
        nameEn: sp.person.nameEn,
        role: sp.role,
        topic: sp.topic,
        positions: sp.person.positions.map((p) => ({ organization: p.organization, title: p.title })),
        bio: sp.person.bio,
        bioEn: sp.person.bioEn,
        photoUrl: sp.person.photo ? mediaUrl(sp.person.photo.storageKey) : null,
      })),
      stops: s.stops.map((st) => ({ order: st.order, name: st.name, description: st.description, facts: st.facts })),
    })),
    reports: e.reports.map((r) => ({ slug: r.slug, title: r.title, publishedAt: r.publishedAt ? isoInZone(r.publishedAt, tz) : null })),
  };
}
