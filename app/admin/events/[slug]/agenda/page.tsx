import { getLocale, getTranslations } from "next-intl/server";
import { asc, eq } from "drizzle-orm";
import { AgendaBuilder, type BConflict, type BSession } from "@/components/admin/agenda-builder";
import { ParallelPanel } from "@/components/admin/parallel-panel";
import { rooms as roomsTable } from "@/db/schema";
import { seatCounts } from "@/lib/delegations/seats";
import { sessionSeats } from "@/lib/registrations/session-choices";
import { choiceGroups } from "@/lib/shared/parallel";
import { agendaConflicts } from "@/lib/agenda/conflicts";
import { consoleEventTree } from "@/lib/events/admin-queries";
import { dateToZoned } from "@/lib/events/zoned";
import type { Locale } from "@/lib/i18n/config";
import { PORTRAIT_MIN_WIDTH } from "@/lib/people/queries";
import { photoAt } from "@/lib/shared/photo";
import { dayKey, formatDate, formatTime, formatTimeRange, pick } from "@/lib/i18n/format";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export default async function AgendaBuilderPage({ params }: PageProps<"/admin/events/[slug]/agenda">) {
  const { slug } = await params;
  const { db, event: e } = await consolePage(slug, "agenda.edit", "agenda", consoleEventTree);
  const [t, locale, seats, counts, rooms] = await Promise.all([
    getTranslations("admin.agenda"),
    getLocale() as Promise<Locale>,
    sessionSeats(db, e.id),
    seatCounts(db, e.id),
    db.select().from(roomsTable).where(eq(roomsTable.eventId, e.id)).orderBy(asc(roomsTable.name)),
  ]);
  // who is expected in each session: those who chose it among parallel ones, else everyone holding a forum seat
  const groups = choiceGroups(seats);
  const inGroup = new Set(groups.flat().map((s) => s.id));
  const seatOf = new Map(seats.map((s) => [s.id, s]));
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
      photo: photoAt(sp.person.photo, PORTRAIT_MIN_WIDTH),
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
    e.sessions.map((s) => {
      const seat = seatOf.get(s.id);
      return {
        ...s,
        speakers: s.speakers.map((sp) => ({ personId: sp.personId, name: sp.person.name })),
        roomId: seat?.roomId ?? null,
        roomName: seat ? pick(locale, seat.roomName, seat.roomNameEn) : null,
        capacity: seat?.capacity ?? null,
        expected: inGroup.has(s.id) ? (seat?.taken ?? 0) : counts.holding,
      };
    }),
  ).map((c) => ({
    kind: c.kind,
    sessionIds: [...c.sessionIds],
    text: {
      a: titleOf.get(c.sessionIds[0]) ?? "",
      b: c.sessionIds[1] ? titleOf.get(c.sessionIds[1]) : undefined,
      name: c.kind === "speaker_overlap" ? c.personName : undefined,
      room: c.kind === "room_overlap" ? c.location : undefined,
      n: c.kind === "room_too_small" ? c.expected : undefined,
      cap: c.kind === "room_too_small" ? c.capacity : undefined,
    },
  }));
  return (
    <section>
      <h2 className="sr-only">{t("title")}</h2>
      <AgendaBuilder
        eventId={e.id}
        eventSlug={e.slug}
        timezone={tz}
        firstDay={dayKey(e.startsAt, tz)}
        eventRange={{ startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString() }}
        sessions={sessions}
        buses={e.buses.map((b) => ({ id: b.id, sessionId: b.sessionId, name: b.name, nameEn: b.nameEn, seats: b.seats, taken: b.taken, leaderName: b.leaderName, leaderNameEn: b.leaderNameEn, leaderPhone: b.leaderPhone }))}
        conflicts={conflicts}
      />
      <div className="mt-6">
        <ParallelPanel
          eventId={e.id}
          rooms={rooms.map((r) => ({ id: r.id, name: pick(locale, r.name, r.nameEn), capacity: r.capacity }))}
          groups={groups.map((g) => ({
            label: formatTimeRange(g[0].startsAt, g.reduce((m, s) => (s.endsAt > m ? s.endsAt : m), g[0].endsAt), tz, locale),
            sessions: g.map((s) => ({
              id: s.id,
              title: pick(locale, s.title, s.titleEn),
              when: formatTimeRange(s.startsAt, s.endsAt, tz, locale),
              roomId: s.roomId,
              ownCapacity: e.sessions.find((x) => x.id === s.id)?.capacity ?? null,
              capacity: s.capacity,
              taken: s.taken,
            })),
          }))}
        />
      </div>
    </section>
  );
}
