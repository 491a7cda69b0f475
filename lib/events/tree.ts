/**
 * One forum with everything the console editor and the bundle export need: the public program (hosts, sessions with
 * speakers, stops, buses, rooms — `eventProgramWith`, the same query the public pages use) plus the registration
 * questions and all of the forum's buses.
 */
import "server-only";
import { asc, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buses, registrationQuestions } from "@/db/schema";
import { eventProgramWith } from "./queries";

export function loadEventTree(db: Db, where: SQL) {
  return db.query.events.findFirst({
    where,
    with: {
      ...eventProgramWith,
      questions: { orderBy: [asc(registrationQuestions.order)] },
      buses: { orderBy: [asc(buses.order)] },
    },
  });
}
