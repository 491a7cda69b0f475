/** One forum with everything the console and the bundle need: hosts, questions, sessions (speakers, stops), buses. */
import "server-only";
import { asc, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaSessions, eventOrganizations } from "@/db/schema";

export function loadEventTree(db: Db, where: SQL) {
  return db.query.events.findFirst({
    where,
    with: {
      hosts: { orderBy: [asc(eventOrganizations.order)], with: { organization: true } },
      questions: { orderBy: (q, { asc }) => [asc(q.order)] },
      sessions: {
        orderBy: [asc(agendaSessions.startsAt), asc(agendaSessions.order)],
        with: {
          speakers: { orderBy: (s, { asc }) => [asc(s.order)], with: { person: { with: { positions: { orderBy: (p, { asc }) => [asc(p.order)] } } } } },
          stops: { orderBy: (s, { asc }) => [asc(s.order)] },
        },
      },
      buses: { orderBy: (b, { asc }) => [asc(b.order)] },
    },
  });
}
