/**
 * Conflict warnings for the agenda builder (pure; no I/O). Four kinds:
 *  - speaker_overlap: one person appears in two sessions whose times overlap;
 *  - room_overlap:    two sessions in the same room (or the same free-text location) at the same time;
 *  - outside_event:   a session that starts or ends on a day outside the forum's dates (in the forum's zone);
 *  - room_too_small:  more people expected than the session's seats (those who chose it among parallel sessions,
 *                     else everyone holding a seat in the forum).
 * Intervals are half-open: a session ending at 10:00 and one starting at 10:00 do not overlap.
 */
import { dayKey } from "@/lib/i18n/format";
import { overlaps } from "@/lib/shared/parallel";

export { overlaps };

export type ConflictSession = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  /** The room it takes (a room is the same room whatever its sessions' free-text locations say). */
  roomId?: string | null;
  roomName?: string | null;
  speakers?: { personId: string; name: string }[];
  /** Seats (the session's own, else its room's) and the people expected in it. */
  capacity?: number | null;
  expected?: number;
};

export type ConflictEvent = { startsAt: Date; endsAt: Date; timezone: string };

export type Conflict =
  | { kind: "speaker_overlap"; sessionIds: [string, string]; personId: string; personName: string }
  | { kind: "room_overlap"; sessionIds: [string, string]; location: string }
  | { kind: "outside_event"; sessionIds: [string] }
  | { kind: "room_too_small"; sessionIds: [string]; capacity: number; expected: number };

const normRoom = (s: string | null | undefined) => (s ?? "").normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

export function agendaConflicts(event: ConflictEvent, sessions: ConflictSession[]): Conflict[] {
  const out: Conflict[] = [];
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const firstDay = dayKey(event.startsAt, event.timezone);
  const lastDay = dayKey(event.endsAt, event.timezone);

  for (const s of sorted) {
    if (dayKey(s.startsAt, event.timezone) < firstDay || dayKey(s.endsAt, event.timezone) > lastDay) {
      out.push({ kind: "outside_event", sessionIds: [s.id] });
    }
    if (s.capacity != null && s.expected != null && s.expected > s.capacity) out.push({ kind: "room_too_small", sessionIds: [s.id], capacity: s.capacity, expected: s.expected });
  }
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (b.startsAt.getTime() >= a.endsAt.getTime()) break; // sorted by start: no later session can overlap a either
      if (!overlaps(a, b)) continue;
      if (a.roomId && a.roomId === b.roomId) out.push({ kind: "room_overlap", sessionIds: [a.id, b.id], location: a.roomName ?? "" });
      else if (!a.roomId || !b.roomId) {
        const room = normRoom(a.location);
        if (room && room === normRoom(b.location)) out.push({ kind: "room_overlap", sessionIds: [a.id, b.id], location: a.location!.trim() });
      }
      const bSpeakers = new Map((b.speakers ?? []).map((p) => [p.personId, p]));
      const seen = new Set<string>();
      for (const p of a.speakers ?? []) {
        if (seen.has(p.personId) || !bSpeakers.has(p.personId)) continue;
        seen.add(p.personId);
        out.push({ kind: "speaker_overlap", sessionIds: [a.id, b.id], personId: p.personId, personName: p.name });
      }
    }
  }
  return out;
}

/** The conflicts a given session takes part in (for the badge on its card). */
export function conflictsOf(sessionId: string, conflicts: Conflict[]): Conflict[] {
  return conflicts.filter((c) => (c.sessionIds as string[]).includes(sessionId));
}
