import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaBuilder, type BConflict, type BSession } from "@/components/admin/agenda-builder";
import { agendaConflicts } from "@/lib/agenda/conflicts";
import { pageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { consoleEvent } from "@/lib/events/admin-queries";
import { dateToZoned } from "@/lib/events/zoned";
import type { Locale } from "@/lib/i18n/config";
import { dayKey, formatDate, formatTime } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export default async function AgendaBuilderPage({ params }: PageProps<"/admin/events/[slug]/agenda">) {
  const { slug } = await params;
  const db = await getDb();
  const e = await consoleEvent(db, slug);
  if (!e) notFound();
  await pageActor("agenda.edit", { eventId: e.id }, `/admin/events/${slug}/agenda`);
  const [t, locale] = await Promise.all([getTranslations("admin.agenda"), getLocale() as Promise<Locale>]);
  const tz = e.timezone;
  const sessions: BSession[] = e.sessions.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    titleEn: s.titleEn,
    description: s.description,
    descriptionEn: s.descriptionEn,
    location: s.location,
    locationEn: s.locationEn,
    day: dayKey(s.startsAt, tz),
    dayLabel: formatDate(s.startsAt, tz, locale),
    start: dateToZoned(s.startsAt, tz),
    end: dateToZoned(s.endsAt, tz),
    speakers: s.speakers.map((sp) => ({
      id: sp.id,
      personId: sp.personId,
      name: sp.person.name,
      nameEn: sp.person.nameEn,
      bio: sp.person.bio,
      bioEn: sp.person.bioEn,
      role: sp.role,
      topic: sp.topic,
      topicEn: sp.topicEn,
      positions: sp.person.positions.map((p) => ({ organization: p.organization, organizationEn: p.organizationEn, title: p.title, titleEn: p.titleEn })),
    })),
    stops: s.stops.map((st) => ({
      id: st.id,
      order: st.order,
      name: st.name,
      nameEn: st.nameEn,
      organization: st.organization,
      description: st.description,
      descriptionEn: st.descriptionEn,
      facts: st.facts.map((f) => ({ label: f.label, value: f.value, labelEn: f.labelEn ?? "", valueEn: f.valueEn ?? "" })),
      arrival: st.plannedArrival ? dateToZoned(st.plannedArrival, tz).slice(11) : "",
      arrivalLabel: st.plannedArrival ? formatTime(st.plannedArrival, tz, locale) : "",
    })),
  }));
  const titleOf = new Map(e.sessions.map((s) => [s.id, s.title]));
  const conflicts: BConflict[] = agendaConflicts(
    e,
    e.sessions.map((s) => ({ ...s, speakers: s.speakers.map((sp) => ({ personId: sp.personId, name: sp.person.name })) })),
  ).map((c) => ({
    kind: c.kind,
    sessionIds: [...c.sessionIds],
    text: {
      a: titleOf.get(c.sessionIds[0]) ?? "",
      b: c.sessionIds[1] ? titleOf.get(c.sessionIds[1]) : undefined,
      name: c.kind === "speaker_overlap" ? c.personName : undefined,
      room: c.kind === "room_overlap" ? c.location : undefined,
    },
  }));
  return (
    <section>
      <h2 className="sr-only">{t("title")}</h2>
      <AgendaBuilder
        eventId={e.id}
        timezone={tz}
        firstDay={dayKey(e.startsAt, tz)}
        eventRange={{ startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString() }}
        sessions={sessions}
        buses={e.buses.map((b) => ({ id: b.id, sessionId: b.sessionId, name: b.name, seats: b.seats, taken: b.taken, leaderName: b.leaderName, leaderPhone: b.leaderPhone }))}
        conflicts={conflicts}
      />
    </section>
  );
}
