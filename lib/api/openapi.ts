/**
 * The OpenAPI 3.1 document of /api. Each feature adds its paths here; tests/unit/openapi.test.ts checks that every
 * route handler under app/api is described.
 */
import { ACTIVE_REGISTRATION_STATUSES, DELEGATE_CATEGORIES, EVENT_STATUSES, HOST_ROLES, PUBLIC_EVENT_STATUSES, REGISTRATION_STATUSES, REPORT_MEDIA_ROLES } from "@/lib/shared/enums";

/** A response with a JSON body of the given schema. */
const jsonResponse = (description: string, schema: unknown) => ({ description, content: { "application/json": { schema } } });
const err = { type: "object", properties: { error: { type: "string" } }, required: ["error"] } as const;
const iso = { type: "string", format: "date-time", description: "ISO-8601 with the forum's UTC offset" } as const;

const eventListItem = {
  type: "object",
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    startsAt: iso,
    endsAt: iso,
    timezone: { type: "string", example: "Asia/Shanghai" },
    city: { type: ["string", "null"] },
    venue: { type: ["string", "null"] },
    status: { type: "string", enum: [...PUBLIC_EVENT_STATUSES] },
  },
} as const;

const position = { type: "object", properties: { organization: { type: "string" }, title: { type: "string" } } } as const;

const eventDetail = {
  type: "object",
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    titleEn: { type: ["string", "null"] },
    summary: { type: "string" },
    startsAt: iso,
    endsAt: iso,
    timezone: { type: "string" },
    status: { type: "string" },
    venue: { type: "object", properties: { name: { type: ["string", "null"] }, address: { type: ["string", "null"] }, city: { type: ["string", "null"] } } },
    capacity: { type: ["integer", "null"] },
    hosts: {
      type: "array",
      items: {
        type: "object",
        properties: {
          name: { type: "string" },
          role: { type: "string", enum: [...HOST_ROLES] },
          order: { type: "integer" },
        },
      },
    },
    sessions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          title: { type: "string" },
          kind: { type: "string" },
          startsAt: iso,
          endsAt: iso,
          location: { type: ["string", "null"] },
          room: {
            type: ["object", "null"],
            description: "The room (会议室/分会场) the session takes, null when none",
            properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, nameEn: { type: ["string", "null"] }, floor: { type: ["string", "null"] }, capacity: { type: ["integer", "null"] } },
          },
          speakers: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string", format: "uuid", description: "The person id, as in /speakers/{id}" },
                name: { type: "string" },
                role: { type: "string" },
                topic: { type: ["string", "null"] },
                positions: { type: "array", items: position },
              },
            },
          },
          stops: {
            type: "array",
            items: { type: "object", properties: { order: { type: "integer" }, name: { type: "string" }, description: { type: ["string", "null"] } } },
          },
        },
      },
    },
    reports: {
      type: "array",
      items: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, publishedAt: { ...iso, type: ["string", "null"] } } },
    },
  },
} as const;

const errWithFields = { type: "object", properties: { error: { type: "string" }, fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } }, required: ["error"] } as const;

const registrationInput = {
  type: "object",
  required: ["category", "organization", "position"],
  properties: {
    category: { type: "string", enum: [...DELEGATE_CATEGORIES] },
    organization: { type: "string", maxLength: 200 },
    position: { type: "string", maxLength: 200 },
    phone: { type: "string", maxLength: 40 },
    needs: { type: "string", maxLength: 1000, description: "Dietary or access needs" },
    siteVisit: { type: "boolean" },
    groupId: { type: ["string", "null"], format: "uuid", description: "A bus/group of this forum (only with siteVisit)" },
    answers: { type: "object", description: "Organizer questions: {questionId: string | string[]}", additionalProperties: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } },
  },
} as const;

const registrationCreated = {
  type: "object",
  required: ["id", "status"],
  properties: {
    id: { type: "string", format: "uuid" },
    status: { type: "string", enum: ["confirmed", "waitlisted", "pending"] },
    ticketCode: { type: "string", description: "128-bit base64url code shown as the ticket QR (confirmed only)" },
    waitlistPosition: { type: "integer", minimum: 1 },
  },
} as const;

const registrationItem = {
  type: "object",
  properties: {
    ...registrationCreated.properties,
    status: { type: "string", enum: [...REGISTRATION_STATUSES] },
    event: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, startsAt: { type: "string", format: "date-time" }, endsAt: { type: "string", format: "date-time" }, timezone: { type: "string" } } },
    category: registrationInput.properties.category,
    organization: { type: ["string", "null"] },
    position: { type: ["string", "null"] },
    siteVisit: { type: "boolean" },
    groupId: { type: ["string", "null"] },
    answers: registrationInput.properties.answers,
    createdAt: { type: "string", format: "date-time" },
  },
} as const;

const nullableString = { type: ["string", "null"] } as const;
const reportDetail = {
  type: "object",
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    subtitle: nullableString,
    byline: { ...nullableString, example: "川网传媒记者 邓柯" },
    photoCredit: nullableString,
    tags: { type: "array", items: { type: "string" } },
    publishedAt: { ...iso, type: ["string", "null"] },
    event: { type: "object", properties: { slug: { type: "string" }, title: { type: "string" } } },
    lead: { type: "string", description: "Sanitized HTML" },
    sections: { type: "array", items: { type: "object", properties: { heading: { type: "string" }, html: { type: "string", description: "Sanitized HTML rendered from the stored Markdown" } } } },
    figures: {
      type: "array",
      items: { type: "object", properties: { label: { type: "string" }, value: { type: "string" }, unit: nullableString, change: nullableString, period: nullableString } },
    },
    photos: { type: "array", items: { type: "object", properties: { url: { type: "string" }, caption: nullableString, credit: nullableString } } },
    attachments: { type: "array", items: { type: "object", properties: { name: { type: "string" }, url: { type: "string" }, bytes: { type: "integer" } } } },
  },
  required: ["slug", "title", "tags", "event", "sections", "figures", "photos", "attachments"],
} as const;

export type OpenApiPaths = Record<string, Record<string, unknown>>;

const rankOrNull = { type: ["string", "null"], enum: ["provincial", "bureau", "county", "township", "other", null], description: "级别, most senior first; null = unranked" } as const;
const rostrum = {
  type: "object",
  properties: {
    convention: { enum: ["government", "international"] },
    room: { type: ["string", "null"], format: "uuid" },
    session: { type: ["string", "null"], format: "uuid" },
    rows: {
      type: "array",
      items: {
        type: "object",
        properties: {
          row: { type: "integer", description: "1 = front row" },
          seats: {
            type: "array",
            items: {
              type: "object",
              properties: { seat: { type: "integer", description: "1 = leftmost as seen from the audience" }, id: { type: "string", format: "uuid" }, name: { type: "string" }, rank: rankOrNull },
            },
          },
        },
      },
    },
  },
} as const;

export const paths: OpenApiPaths = {
  "/api/health": {
    get: {
      summary: "Liveness, database reachability and the page cache's state",
      responses: {
        "200": {
          description: "Up",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  ok: { const: true },
                  db: { enum: ["pglite", "postgres"] },
                  cache: { type: "object", properties: { enabled: { type: "boolean" }, entries: { type: "integer" }, bytes: { type: "integer" }, version: { type: "integer" } } },
                },
              },
            },
          },
        },
        "503": { description: "Database unreachable" },
      },
    },
  },
  "/api/v1/events": {
    get: {
      summary: "Public forums",
      responses: { "200": { description: "List", content: { "application/json": { schema: { type: "object", properties: { events: { type: "array", items: eventListItem } } } } } } },
    },
  },
  "/api/v1/events/{slug}": {
    get: {
      summary: "A public forum with hosts, agenda, speakers, site-visit stops and reports",
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": jsonResponse("The forum", eventDetail),
        "404": jsonResponse("Unknown or unpublished", err),
      },
    },
    patch: {
      summary: "Change a forum's status and registration settings (organizer)",
      security: [{ bearer: [] }],
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              properties: {
                status: { enum: [...EVENT_STATUSES], description: "draft⇄published, →cancelled (notifies registrants), published→completed" },
                capacity: { type: ["integer", "null"], minimum: 0 },
                registrationOpensAt: { ...iso, type: ["string", "null"] },
                registrationClosesAt: { ...iso, type: ["string", "null"] },
                requiresApproval: { type: "boolean" },
              },
            },
          },
        },
      },
      responses: {
        "200": { description: "The updated forum", content: { "application/json": { schema: { type: "object" } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not an organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
        "422": jsonResponse("Invalid transition or value (fieldErrors per field); nothing changed", err),
      },
    },
  },
  "/api/v1/checkins": {
    post: {
      summary: "Check a ticket in (idempotent); staff or organizers of the ticket's forum",
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["ticketCode"],
              properties: {
                ticketCode: { type: "string", description: "The code in the ticket QR" },
                segment: { type: "string", description: "e.g. site_visit, symposium, or \"event\" (the whole forum). Omitted: the segment in progress (site_visit until the visit ends, then symposium; \"event\" for a forum without a site visit)" },
              },
            },
          },
        },
      },
      responses: {
        "200": {
          description: "Checked in now (already=false) or earlier (already=true, with the original time and desk)",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  registration: {
                    type: "object",
                    properties: {
                      name: { type: "string" },
                      organization: { type: ["string", "null"] },
                      category: { type: "string", enum: [...DELEGATE_CATEGORIES] },
                      status: { type: "string", enum: [...ACTIVE_REGISTRATION_STATUSES] },
                    },
                  },
                  segment: { type: "string" },
                  checkedInAt: { type: "string", format: "date-time" },
                  checkedInBy: { type: ["string", "null"] },
                  already: { type: "boolean" },
                },
                required: ["registration", "checkedInAt", "already"],
              },
            },
          },
        },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not staff or organizer of this forum", err),
        "404": jsonResponse("Unknown ticket code", err),
        "409": jsonResponse("The registration is cancelled or rejected", err),
        "422": jsonResponse("Invalid body", err),
      },
    },
  },
  "/api/v1/events/{slug}/export": {
    get: {
      summary: "Forum bundle (organizer): forum, hosts, sessions, speakers with positions, stops, buses, registration settings and questions",
      security: [{ bearer: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string" } },
        { name: "include", in: "query", required: false, schema: { enum: ["registrations"] }, description: "add the registrations (personal data)" },
      ],
      responses: {
        "200": { description: "The bundle (format huiwu.event-bundle, version 1)", content: { "application/json": { schema: { type: "object" } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not an organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
      },
    },
  },
  "/api/v1/events/import": {
    post: {
      summary: "Create a new DRAFT forum from a bundle (admin / organizer); the slug is made unique",
      security: [{ bearer: [] }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["format", "version", "event"] } } } },
      responses: {
        "201": { description: "Created", content: { "application/json": { schema: { type: "object", properties: { slug: { type: "string" } } } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not an admin or organizer", err),
        "422": jsonResponse("Malformed bundle (message names the first problem; fieldErrors has all); nothing written", err),
      },
    },
  },
  "/api/v1/events/{slug}/registrations": {
    post: {
      summary: "Register the caller for a forum (capacity taken under a lock; waitlist when full; pending in approval mode)",
      security: [{ bearer: [] }],
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: true, content: { "application/json": { schema: registrationInput } } },
      responses: {
        "201": jsonResponse("Registered", registrationCreated),
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Registration closed, not open yet, forum ended or cancelled", err),
        "404": jsonResponse("Unknown or unpublished forum", err),
        "409": jsonResponse("Already registered, forum full without waitlist, or the chosen bus is full", errWithFields),
        "422": jsonResponse("Invalid input (fieldErrors per field, in the caller's language)", errWithFields),
      },
    },
  },
  "/api/v1/me/registrations": {
    get: {
      summary: "The caller's own registrations with status and waitlist position",
      security: [{ bearer: [] }],
      responses: {
        "200": { description: "List", content: { "application/json": { schema: { type: "object", properties: { registrations: { type: "array", items: registrationItem } } } } } },
        "401": jsonResponse("Not signed in", err),
      },
    },
  },
  "/api/v1/registrations/{id}": {
    delete: {
      summary: "Cancel one's own registration; the next waitlisted person is promoted in the same transaction",
      security: [{ bearer: [] }],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": { description: "Cancelled", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, status: { const: "cancelled" }, promoted: { type: "integer" } } } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("The forum has ended", err),
        "404": jsonResponse("No such registration of the caller (someone else's id included)", err),
        "409": jsonResponse("Already cancelled", err),
      },
    },
  },
  "/api/v1/events/{slug}/agenda.ics": {
    get: {
      summary: "The forum's whole agenda as iCalendar (one VEVENT per session, UTC times)",
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } }, "404": jsonResponse("Unknown forum", err) },
    },
  },
  "/api/v1/calendar/{file}": {
    get: {
      summary: "A personal agenda feed: {token}.ics, the secret token shown on /me/agenda (marked sessions and joined site visits)",
      parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", example: "Zx9…token.ics" } }],
      responses: { "200": { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } }, "404": jsonResponse("Unknown token", err) },
    },
  },
  "/api/v1/auth/signup": {
    post: {
      summary: "Create an account (throttled per IP)",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["email", "password", "name"],
              properties: {
                email: { type: "string", format: "email" },
                password: { type: "string", minLength: 10 },
                name: { type: "string" },
                organization: { type: "string" },
                position: { type: "string" },
                phone: { type: "string" },
              },
            },
          },
        },
      },
      responses: {
        "201": { description: "Created", content: { "application/json": { schema: { type: "object", properties: { user: { type: "object", properties: { id: { type: "string", format: "uuid" }, email: { type: "string" }, name: { type: "string" } } } } } } } },
        "400": jsonResponse("Malformed JSON", err),
        "409": jsonResponse("An account with this email exists", err),
        "413": jsonResponse("Body too large", err),
        "422": jsonResponse("Invalid input (fieldErrors)", err),
        "429": jsonResponse("Too many sign-ups from this IP (Retry-After)", err),
      },
    },
  },
  "/api/v1/auth/token": {
    post: {
      summary: "Exchange email + password for a bearer token (throttled per account and IP)",
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" }, name: { type: "string", description: "label shown in the token list" } } } } },
      },
      responses: {
        "200": {
          description: "Token (shown once; stored hashed)",
          content: { "application/json": { schema: { type: "object", properties: { token: { type: "string" }, tokenType: { const: "Bearer" }, expiresAt: { type: "string", format: "date-time" } } } } },
        },
        "401": jsonResponse("Email or password is incorrect (same answer for unknown emails)", err),
        "403": jsonResponse("Account disabled", err),
        "429": jsonResponse("Too many failed attempts (Retry-After)", err),
      },
    },
  },
  "/api/v1/auth/tokens/{id}": {
    delete: {
      summary: "Revoke one of the caller's API tokens",
      security: [{ bearer: [] }],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": { description: "Revoked" },
        "401": jsonResponse("Not signed in", err),
        "404": jsonResponse("No such active token of the caller", err),
      },
    },
  },
  "/api/v1/me": {
    get: {
      summary: "The caller (bearer token or session cookie) and their API tokens (never the secrets)",
      security: [{ bearer: [] }],
      responses: { "200": { description: "Profile and tokens" }, "401": jsonResponse("Not signed in", err) },
    },
  },
  "/api/v1/reports/{slug}": {
    get: {
      summary: "A published post-event report: sections as sanitized HTML, key figures, photos, attachments",
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": jsonResponse("The report", reportDetail),
        "404": jsonResponse("Unknown, unpublished or scheduled for later", err),
      },
    },
  },
  "/api/v1/reports/{slug}/media": {
    post: {
      summary: "Upload a photo or attachment to a report (report.write on its forum). The body is the file itself.",
      description:
        "Type by magic bytes: JPEG/PNG/WebP photos ≤ 10 MB (re-encoded, EXIF/GPS stripped, 640/1280 px WebP variants), PDF/DOCX/XLSX attachments ≤ 25 MB. Send `X-Huiwu-Upload: 1` and the URI-encoded file name in `X-Filename`. Refused by Content-Length before the body is read.",
      security: [{ bearer: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string" } },
        { name: "role", in: "query", required: true, schema: { enum: [...REPORT_MEDIA_ROLES] } },
        { name: "caption", in: "query", schema: { type: "string" } },
        { name: "credit", in: "query", schema: { type: "string" } },
        { name: "section", in: "query", schema: { type: "integer", minimum: 1 }, description: "Section position the photo belongs to; omitted = gallery" },
      ],
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "201": {
          description: "Stored",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { reportMediaId: { type: "string" }, key: { type: "string" }, url: { type: "string" }, mime: { type: "string" }, bytes: { type: "integer" }, width: { type: ["integer", "null"] }, height: { type: ["integer", "null"] }, filename: { type: "string" } },
              },
            },
          },
        },
        "400": jsonResponse("Missing X-Huiwu-Upload header", err),
        "401": { description: "Not signed in" },
        "403": { description: "No report.write on the report's forum" },
        "404": { description: "Unknown report" },
        "413": jsonResponse("Too large (reason too_large)", err),
        "415": jsonResponse("Unsupported type, e.g. HTML renamed .jpg (reason unsupported)", err),
        "422": jsonResponse("Zip bomb, decompression-bomb image or damaged file (reason zip_bomb / image_bomb / corrupt)", err),
      },
    },
  },
  "/api/v1/events/{slug}/seating": {
    get: {
      summary: "Seating plans (organizer or staff): the forum's rostrum (or a room's), every rostrum plan, the hall and the banquet tables",
      security: [{ bearer: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string" } },
        { name: "room", in: "query", required: false, schema: { type: "string", format: "uuid" }, description: "the rostrum of this room instead of the whole forum's" },
      ],
      responses: {
        "200": jsonResponse("The plans (hall null when not set up)", {
          type: "object",
          properties: {
            rostrum: { oneOf: [rostrum, { type: "null" }] },
            rostrums: { type: "array", items: rostrum },
            hall: {
              type: ["object", "null"],
              properties: {
                rows: { type: "integer" },
                seatsPerRow: { type: "integer" },
                reserved: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, reason: { enum: ["media", "staff", "vip", "other"] } } } },
                seats: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { label: { type: "string", description: "3排12号 / Row 3, Seat 12" }, row: { type: "integer" }, seat: { type: "integer" }, registrationId: { type: "string", format: "uuid" }, name: { type: "string" }, organization: { type: ["string", "null"] } },
                  },
                },
              },
            },
            tables: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  number: { type: "integer", description: "1 = the main table" },
                  size: { type: "integer" },
                  seats: { type: "array", items: { type: "object", properties: { seat: { type: "integer", description: "1 = the host's seat, then clockwise" }, id: { type: "string", format: "uuid" }, name: { type: "string" }, organization: { type: ["string", "null"] }, rank: rankOrNull } } },
                },
              },
            },
          },
        }),
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not staff or organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
      },
    },
  },
  "/api/v1/events/{slug}/seating/rostrum": {
    put: {
      summary: "Arrange a rostrum (主席台) by convention (organizer): ids in rank order, first = most senior; replaces that rostrum's plan",
      security: [{ bearer: [] }],
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["convention", "rows"],
              properties: {
                room: { type: "string", format: "uuid", description: "a room of the forum; omitted = the whole forum's rostrum" },
                session: { type: "string", format: "uuid", description: "a session of the forum (per-session rostrum)" },
                convention: { enum: ["government", "international"], description: "government: honour to the rostrum's own left; international: to its right" },
                rows: { type: "array", minItems: 1, maxItems: 6, items: { type: "object", required: ["people"], properties: { people: { type: "array", minItems: 1, maxItems: 40, items: { type: "string", description: "a speaker's person id or a registration id" } } } } },
              },
            },
          },
        },
      },
      responses: {
        "200": jsonResponse("The arranged rostrum; seat 1 is the leftmost as seen from the audience", rostrum),
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not an organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
        "422": jsonResponse("Unknown or duplicate id (named in the message), unknown room/session, or invalid body", errWithFields),
      },
    },
  },
  "/api/v1/events/{slug}/seating/table-cards.pdf": {
    get: {
      summary: "Table cards (桌签) of everyone on a rostrum (organizer or staff): folded A4 tent cards, most senior first",
      security: [{ bearer: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string" } },
        { name: "lang", in: "query", required: false, schema: { enum: ["zh-CN", "en"] }, description: "en cards use the English name when given" },
        { name: "position", in: "query", required: false, schema: { enum: ["0", "1"] }, description: "print the position line (default 1)" },
      ],
      responses: {
        "200": { description: "PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not staff or organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
      },
    },
  },
  "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Huiwu 会务 API", version: "1.0.0", description: "Forums, agendas, registrations, check-in and reports." },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Token from POST /api/v1/auth/token" } },
      schemas: { Error: err },
    },
    paths,
  };
}
