/**
 * Parallel sessions (分论坛): sessions whose times overlap run side by side, in different rooms. Pure and
 * client-safe: the agenda pages lay groups out as columns, the registration form offers one choice per group, the
 * registration command checks the choice, and the agenda builder (lib/agenda/conflicts.ts) flags clashes — all from
 * this one definition of "overlapping".
 *
 * A group is a maximal run of sessions linked by overlapping times (A overlaps B, B overlaps C → one group, even if
 * A and C do not overlap). Touching ends (A ends 10:00, B starts 10:00) do not overlap. Site visits and breaks are
 * not offered as choices.
 */

export type TimedSession = { id: string; startsAt: Date | string; endsAt: Date | string; roomId?: string | null; kind?: string };

const ms = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());

/** Whether two sessions overlap in time (half-open intervals; an instant session overlaps nothing). */
export function overlaps(a: TimedSession, b: TimedSession): boolean {
  return ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);
}

/** Every group of ≥ 2 overlapping sessions, in time order; each group's sessions in their given order. */
export function parallelGroups<S extends TimedSession>(sessions: S[]): S[][] {
  const sorted = sessions
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => ms(s.endsAt) > ms(s.startsAt))
    .sort((a, b) => ms(a.s.startsAt) - ms(b.s.startsAt) || a.i - b.i);
  const groups: { items: { s: S; i: number }[]; end: number }[] = [];
  for (const x of sorted) {
    const last = groups.at(-1);
    if (last && ms(x.s.startsAt) < last.end) {
      last.items.push(x);
      last.end = Math.max(last.end, ms(x.s.endsAt));
    } else groups.push({ items: [x], end: ms(x.s.endsAt) });
  }
  return groups.filter((g) => g.items.length > 1).map((g) => g.items.sort((a, b) => a.i - b.i).map((x) => x.s));
}

/** Kinds an attendee never chooses between (everyone goes, or it is not a seat). */
const NOT_A_CHOICE = new Set(["site_visit", "break", "meal", "transfer"]);

/** The groups an attendee chooses from at registration: parallel groups of ≥ 2 choosable sessions. */
export function choiceGroups<S extends TimedSession>(sessions: S[]): S[][] {
  return parallelGroups(sessions.filter((s) => !s.kind || !NOT_A_CHOICE.has(s.kind)));
}
