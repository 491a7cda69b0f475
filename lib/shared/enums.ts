/**
 * The app's closed vocabularies, defined ONCE and imported by db/schema (pgEnum), lib (zod, queries) and components
 * (selects, badges, charts). Client-safe: no server imports here, ever.
 *
 * Labels live in ONE message namespace, `shared` (messages/<locale>/shared.json), under the key named next to each
 * tuple — e.g. `useTranslations("shared")(categoryLabel(c))` or `t(\`category.${c}\`)`. Never copy a list or its labels
 * into a component; a test (tests/unit/shared-enums.test.ts) checks every value has a label in both locales.
 */
import { RANKS } from "./rank";

/** 参会类别: who a registrant is. Labels: `shared.category.<c>`. */
export const DELEGATE_CATEGORIES = ["government", "park", "expert", "enterprise", "media", "other"] as const;
export type DelegateCategory = (typeof DELEGATE_CATEGORIES)[number];

/** Organization kinds (hosts, employers). Labels: `shared.organizationKind.<k>`. */
export const ORGANIZATION_KINDS = ["government", "park", "association", "media", "enterprise", "academic", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Agenda session kinds, in the order the agenda builder offers them. Labels: `shared.sessionKind.<k>`. */
export const SESSION_KINDS = ["site_visit", "plenary", "keynote", "report_release", "exchange", "panel", "remarks", "ceremony", "break", "meal", "transfer", "other"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A person's role in a session. */
export const SESSION_ROLES = ["speaker", "moderator", "presenter", "host"] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** Registration lifecycle. Labels: `shared.registrationStatus.<s>`. */
export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "cancelled", "rejected"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Still in the forum (not cancelled or rejected): can be edited, cancelled, notified. */
export const ACTIVE_REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted"] as const satisfies readonly RegistrationStatus[];
/** Hold a seat of the forum's capacity and of a bus (confirmed, or pending approval). Counted by lib/delegations/seats.ts (the forum) and lib/buses/seats.ts (a bus). */
export const SEAT_HOLDING_STATUSES = ["confirmed", "pending"] as const satisfies readonly RegistrationStatus[];
/** Does a registration in this status hold a seat (of the forum and of its bus)? */
export const holdsSeat = (s: RegistrationStatus): boolean => (SEAT_HOLDING_STATUSES as readonly string[]).includes(s);

/** How a registration came in. Labels: `shared.registrationSource.<s>`. */
export const REGISTRATION_SOURCES = ["self", "organizer", "import", "seed", "delegation"] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

/** Forum lifecycle. Labels: `shared.eventStatus.<s>`. */
export const EVENT_STATUSES = ["draft", "published", "cancelled", "completed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** Visible to the public (a draft is not). */
export const PUBLIC_EVENT_STATUSES = ["published", "completed", "cancelled"] as const satisfies readonly EventStatus[];

/** A host organization's role, in protocol order (主办 first). Labels: `shared.hostRole.<r>`. */
export const HOST_ROLES = ["host", "co_host", "organizer", "co_organizer", "supporter", "media"] as const;
export type HostRole = (typeof HOST_ROLES)[number];

/** Site-wide role. Labels: `shared.siteRole.<r>`. */
export const SITE_ROLES = ["admin", "user"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** Role on one forum's staff. Labels: `shared.eventRole.<r>`. */
export const EVENT_STAFF_ROLES = ["organizer", "staff"] as const;
export type EventStaffRole = (typeof EVENT_STAFF_ROLES)[number];

/** Registration-form custom question kinds. Labels: `shared.questionKind.<k>`. */
export const QUESTION_KINDS = ["text", "choice", "multi_choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Report (会议报道) workflow. Labels: `shared.reportStatus.<s>`. */
export const REPORT_STATUSES = ["draft", "in_review", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Where a file sits in a report. */
export const REPORT_MEDIA_ROLES = ["photo", "attachment"] as const;
export type ReportMediaRole = (typeof REPORT_MEDIA_ROLES)[number];

/** Stored upload kinds. */
export const MEDIA_KINDS = ["image", "attachment"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Invited delegations (受邀单位): invited → replied → closed. Labels: `shared.delegationStatus.<s>`. */
export const DELEGATION_STATUSES = ["invited", "replied", "closed"] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** A delegate's gender (shared hotel rooms are assigned by it). Labels: `shared.gender.<g>`. */
export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** Accommodation a delegate asks for. Labels: `shared.accommodation.<k>`. */
export const ACCOMMODATION_KINDS = ["none", "single", "shared"] as const;
export type AccommodationKind = (typeof ACCOMMODATION_KINDS)[number];

/** How a delegate travels to or from the forum (arrival and departure legs). Labels: `travel.by.<m>` (delegation docs). */
export const TRAVEL_MODES = ["train", "flight", "car", "other"] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** Room layouts (venues). */
export const ROOM_LAYOUTS = ["theatre", "classroom", "round_tables", "rostrum_hall"] as const;
export type RoomLayout = (typeof ROOM_LAYOUTS)[number];

/** Rostrum (主席台) seating conventions: government honours the rostrum's own left, international mirrors. */
export const SEATING_CONVENTIONS = ["government", "international"] as const;
export type SeatingConvention = (typeof SEATING_CONVENTIONS)[number];

/** Why hall seats are held back. */
export const HALL_RESERVE_REASONS = ["media", "staff", "vip", "other"] as const;
export type HallReserveReason = (typeof HALL_RESERVE_REASONS)[number];

/** Seating documents whose last print is fingerprinted. */
export const SEATING_PRINT_KINDS = ["rostrum_map", "hall_map", "table_cards", "dining_lists"] as const;
export type SeatingPrintKind = (typeof SEATING_PRINT_KINDS)[number];

/** How a notification is delivered. */
export const OUTBOX_CHANNELS = ["email", "sms"] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** Outbox delivery state. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Label keys in the `shared` namespace (typed, so a missing label fails typecheck). */
export const categoryLabel = (c: DelegateCategory) => `category.${c}` as const;
export const sessionKindLabel = (k: SessionKind) => `sessionKind.${k}` as const;
export const registrationStatusLabel = (s: RegistrationStatus) => `registrationStatus.${s}` as const;
export const registrationSourceLabel = (s: RegistrationSource) => `registrationSource.${s}` as const;
export const eventStatusLabel = (s: EventStatus) => `eventStatus.${s}` as const;
export const hostRoleLabel = (r: HostRole) => `hostRole.${r}` as const;

/** Every tuple with a label namespace in shared.json (the test checks both locales cover each value). */
export const LABELLED = {
  category: DELEGATE_CATEGORIES,
  organizationKind: ORGANIZATION_KINDS,
  sessionKind: SESSION_KINDS,
  registrationStatus: REGISTRATION_STATUSES,
  registrationSource: REGISTRATION_SOURCES,
  eventStatus: EVENT_STATUSES,
  hostRole: HOST_ROLES,
  siteRole: SITE_ROLES,
  eventRole: EVENT_STAFF_ROLES,
  questionKind: QUESTION_KINDS,
  reportStatus: REPORT_STATUSES,
  rank: RANKS,
  delegationStatus: DELEGATION_STATUSES,
  gender: GENDERS,
  accommodation: ACCOMMODATION_KINDS,
} as const;

/** True when `v` is one of `values` (narrows a string from a URL or form to the tuple's type). */
export function isOneOf<const T extends readonly string[]>(values: T, v: unknown): v is T[number] {
  return typeof v === "string" && (values as readonly string[]).includes(v);
}
