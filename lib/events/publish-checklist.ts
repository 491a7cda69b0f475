/**
 * The publish checklist (发布前检查): what an organizer should see before a forum goes public. Pure: it
 * reads the console's forum tree and answers one line per point, each ok / info / warn with its message params
 * (messages namespace `publish.check`). Warnings never block — the organizer confirms — but they are never hidden.
 */

type Position = { organizationEn?: string | null; titleEn?: string | null; title?: string | null };
type Person = { name: string; nameEn?: string | null; positions: readonly (Position | unknown)[] };
type Session = { title: string; titleEn?: string | null; startsAt: Date; endsAt: Date; speakers: readonly { person: Person }[] };

export type ChecklistEvent = {
  startsAt: Date;
  endsAt: Date;
  titleEn?: string | null;
  summaryEn?: string | null;
  venueName?: string | null;
  venueNameEn?: string | null;
  venueAddress?: string | null;
  venueAddressEn?: string | null;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  hosts: readonly { organization?: { nameEn?: string | null } }[];
  sessions: readonly Session[];
};

export type CheckLevel = "ok" | "info" | "warn";
export type CheckItem = { key: string; level: CheckLevel; params?: Record<string, string | number | Date> };

const list = (xs: string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join("、")} …` : xs.join("、"));

export function publishChecklist(e: ChecklistEvent, now = new Date()): CheckItem[] {
  const items: CheckItem[] = [];
  items.push(e.startsAt > now ? { key: "dates", level: "ok", params: { starts: e.startsAt, ends: e.endsAt } } : { key: "datesPast", level: "warn", params: { starts: e.startsAt } });
  if (!e.venueName) items.push({ key: "venueMissing", level: "warn" });
  else items.push({ key: e.venueAddress ? "venue" : "venueNoAddress", level: e.venueAddress ? "ok" : "warn", params: { venue: e.venueName } });
  items.push(e.capacity === null ? { key: "capacityUnlimited", level: "info" } : { key: "capacity", level: "ok", params: { n: e.capacity } });
  if (!e.registrationOpensAt && !e.registrationClosesAt) items.push({ key: "windowBlank", level: "info", params: { starts: e.startsAt } });
  else if (e.registrationClosesAt && e.registrationClosesAt > e.startsAt) items.push({ key: "windowAfterStart", level: "warn", params: { closes: e.registrationClosesAt } });
  else items.push({ key: "window", level: "ok", params: { opens: e.registrationOpensAt ?? now, closes: e.registrationClosesAt ?? e.startsAt } });
  items.push(e.hosts.length ? { key: "hosts", level: "ok", params: { n: e.hosts.length } } : { key: "hostsMissing", level: "warn" });
  if (!e.sessions.length) items.push({ key: "agendaEmpty", level: "warn" });
  else {
    const outside = e.sessions.filter((s) => s.startsAt < e.startsAt || s.endsAt > e.endsAt).map((s) => s.title);
    items.push(outside.length ? { key: "agendaOutside", level: "warn", params: { n: outside.length, titles: list(outside) } } : { key: "agenda", level: "ok", params: { n: e.sessions.length } });
  }
  const people = new Map<string, Person>();
  for (const s of e.sessions) for (const sp of s.speakers) people.set(sp.person.name, sp.person);
  const noPosition = [...people.values()].filter((p) => p.positions.length === 0).map((p) => p.name);
  if (people.size === 0) items.push({ key: "speakersNone", level: "info" });
  else items.push(noPosition.length ? { key: "speakersNoPosition", level: "warn", params: { n: noPosition.length, names: list(noPosition) } } : { key: "speakers", level: "ok", params: { n: people.size } });
  // English is offered when the forum has an English title: then its public text should exist in English too.
  if (e.titleEn) {
    const missing: string[] = [];
    if (!e.summaryEn) missing.push("summary");
    if (e.venueName && !e.venueNameEn) missing.push("venue");
    if (e.venueAddress && !e.venueAddressEn) missing.push("address");
    const untitled = e.sessions.filter((s) => !s.titleEn).length;
    // co-hosts and speakers' positions are shown on the English pages too: say how many still read in Chinese
    const hostsNoEn = e.hosts.filter((h) => h.organization && !h.organization.nameEn).length;
    const isPosition = (p: unknown): p is Position => typeof p === "object" && p !== null;
    const speakersNoEn = [...people.values()].filter((p) => p.positions.some((x) => isPosition(x) && (!x.organizationEn || (x.title && !x.titleEn)))).length;
    // one line per kind of gap, only the gaps that exist (no "0 sessions …")
    if (missing.length) items.push({ key: "englishMissing", level: "warn", params: { fields: missing.length } });
    if (untitled) items.push({ key: "englishSessions", level: "warn", params: { n: untitled } });
    if (hostsNoEn) items.push({ key: "englishHosts", level: "warn", params: { n: hostsNoEn } });
    if (speakersNoEn) items.push({ key: "englishPositions", level: "warn", params: { n: speakersNoEn } });
    if (!missing.length && !untitled && !hostsNoEn && !speakersNoEn) items.push({ key: "english", level: "ok" });
  }
  return items;
}

export function checklistWarnings(items: readonly CheckItem[]): number {
  return items.filter((i) => i.level === "warn").length;
}
