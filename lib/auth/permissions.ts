/**
 * The one permission matrix (DESIGN §3.1, §5). The guard (`requirePermission`) and the UI (`can`) both ask it, so
 * what a person sees and what the server allows cannot drift apart. Pure: no I/O.
 */
export type SiteRole = "admin" | "user";
export type EventRole = "organizer" | "staff";

/** Who is asking, as the guard sees them. Anonymous callers have no Actor. */
export type Actor = { id: string; siteRole: SiteRole; name: string; email: string };

type Rule = {
  /** Signed-in users with any of these site roles may. `"user"` = every signed-in user. */
  site?: SiteRole[];
  /** Users holding one of these roles on the event in scope may. */
  event?: EventRole[];
  /** Users holding one of these roles on ANY event may (e.g. organizers may create new forums). */
  anyEvent?: EventRole[];
};

export const PERMISSIONS = {
  // site administration
  "admin.access": { site: ["admin"], anyEvent: ["organizer", "staff"] }, // the /admin console itself
  "user.manage": { site: ["admin"] },
  "audit.read": { site: ["admin"] },
  "event.create": { site: ["admin"], anyEvent: ["organizer"] },
  "event.import": { site: ["admin"], anyEvent: ["organizer"] },
  // one forum
  "event.read": { site: ["admin"], event: ["organizer", "staff"] }, // drafts and the console view
  "event.edit": { site: ["admin"], event: ["organizer"] },
  "event.publish": { site: ["admin"], event: ["organizer"] },
  "event.export": { site: ["admin"], event: ["organizer"] },
  "event.staff.manage": { site: ["admin"] },
  "agenda.edit": { site: ["admin"], event: ["organizer"] },
  "registration.read": { site: ["admin"], event: ["organizer", "staff"] },
  "registration.manage": { site: ["admin"], event: ["organizer"] },
  "checkin.perform": { site: ["admin"], event: ["organizer", "staff"] },
  "report.write": { site: ["admin"], event: ["organizer", "staff"] },
  "report.publish": { site: ["admin"], event: ["organizer"] },
  "seating.read": { site: ["admin"], event: ["organizer", "staff"] }, // plans, seat maps and table cards (issue 11)
  "seating.manage": { site: ["admin"], event: ["organizer"] }, // protocol order, rostrum, hall, dining
  // any signed-in person, on their own things (ownership is checked by the command's WHERE clause)
  "registration.create": { site: ["user", "admin"] },
  "registration.own": { site: ["user", "admin"] },
  "profile.edit": { site: ["user", "admin"] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export type RoleFacts = {
  actor: Actor | null;
  /** The actor's role on the event in scope, if any. */
  eventRole?: EventRole | null;
  /** Roles the actor holds on any event. */
  anyEventRoles?: EventRole[];
};

export function allows(permission: Permission, facts: RoleFacts): boolean {
  const rule: Rule = PERMISSIONS[permission];
  const { actor } = facts;
  if (!actor) return false;
  if (rule.site?.includes(actor.siteRole)) return true;
  if (rule.site?.includes("user")) return true;
  if (rule.event && facts.eventRole && rule.event.includes(facts.eventRole)) return true;
  if (rule.anyEvent && facts.anyEventRoles?.some((r) => rule.anyEvent!.includes(r))) return true;
  return false;
}

export function needsEventScope(permission: Permission): boolean {
  return "event" in PERMISSIONS[permission];
}
