/**
 * The OpenAPI 3.1 document of /api. Each feature adds its paths here. It agrees with the server by construction where
 * it can and by test where it cannot (issue 12 item 12):
 *  - request bodies the routes parse with a zod schema are that schema (`z.toJSONSchema`, BODY_SCHEMAS below);
 *  - the answers every route gives by the same code path — the route family and THE JSON reader — are added to each
 *    operation from what it takes (`complete`): a JSON body → 400 malformed/empty (one code everywhere), 413 over the
 *    limit, 415 not JSON, 422 not an object/NUL/invalid; an upload → 400 without X-Huiwu-Upload, 413, 422; a path
 *    parameter → 404; a query → 422; a guard → 401, 403; and `security: []` on public operations;
 *  - `servers` is the public origin (lib/http/origin.ts);
 *  - tests/db/openapi.test.ts proves the operations are exactly the route files' exports (lib/api/routes.ts, which
 *    also gives the HTTP server its `Allow` header for 405s), calls every operation with a malformed and an oversize
 *    body, and checks each answer's status is documented; tests/db/api-fuzz.test.ts fuzzes the whole API from it.
 */
import { z } from "zod";
import { signUpSchema, tokenRequestSchema } from "@/lib/accounts/validation";
import { checkInByCodeSchema } from "@/lib/checkin/validation";
import { delegationPaths } from "@/lib/delegations/openapi";
import { err, errWithFields, jsonBody, jsonResponse, slugParam } from "./openapi-parts";
import { delegationCreateSchema, delegationPatchSchema, replySchema } from "@/lib/delegations/validation";
import { eventPatchSchema } from "@/lib/events/validation";
import { registrationSchema } from "@/lib/registrations/validation";
import { rostrumSchema } from "@/lib/seating/validation";
import { ACTIVE_REGISTRATION_STATUSES, DELEGATE_CATEGORIES, EVENT_STATUSES, HOST_ROLES, PUBLIC_EVENT_STATUSES, REGISTRATION_STATUSES, REPORT_MEDIA_ROLES, SEATING_CONVENTIONS, HALL_RESERVE_REASONS } from "@/lib/shared/enums";
import { locales } from "@/lib/shared/locales";
import { RANKS } from "@/lib/shared/rank";

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
                nameEn: { type: ["string", "null"] },
                role: { type: "string" },
                topic: { type: ["string", "null"] },
                positions: { type: "array", items: position },
                bio: { type: ["string", "null"], description: "Biography (Chinese), plain text with line breaks" },
                bioEn: { type: ["string", "null"], description: "Biography in English; null when not given (show bio instead)" },
                photoUrl: { type: ["string", "null"], description: "The speaker's photo as a path on this server (re-encoded JPEG, PNG or WebP, metadata stripped); null when none" },
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
    status: { type: "string", enum: [...ACTIVE_REGISTRATION_STATUSES] },
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

const rankOrNull = { type: ["string", "null"], enum: [...RANKS, null], description: "级别, most senior first; null = unranked" } as const;
const rostrum = {
  type: "object",
  properties: {
    convention: { enum: [...SEATING_CONVENTIONS] },
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
      parameters: [slugParam],
      responses: {
        "200": jsonResponse("The forum", eventDetail),
        "404": jsonResponse("Unknown or unpublished", err),
      },
    },
    patch: {
      summary: "Change a forum's status and registration settings (organizer)",
      security: [{ bearer: [] }],
      parameters: [slugParam],
      requestBody: jsonBody({
              type: "object",
              additionalProperties: false,
              properties: {
                status: { enum: [...EVENT_STATUSES], description: "draft⇄published, →cancelled (notifies registrants), published→completed" },
                capacity: { type: ["integer", "null"], minimum: 0 },
                registrationOpensAt: { ...iso, type: ["string", "null"] },
                registrationClosesAt: { ...iso, type: ["string", "null"] },
                requiresApproval: { type: "boolean" },
              },
            }),
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
      requestBody: jsonBody({
              type: "object",
              required: ["ticketCode"],
              properties: {
                ticketCode: { type: "string", description: "The code in the ticket QR" },
                segment: { type: "string", description: "e.g. site_visit, symposium, or \"event\" (the whole forum). Omitted: the segment in progress (site_visit until the visit ends, then symposium; \"event\" for a forum without a site visit)" },
              },
            }),
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
      requestBody: jsonBody({ type: "object", required: ["format", "version", "event"] }),
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
      parameters: [slugParam],
      requestBody: jsonBody(registrationInput),
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
      parameters: [slugParam],
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
      requestBody: jsonBody({
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
            }),
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
      requestBody: jsonBody({ type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" }, name: { type: "string", description: "label shown in the token list" } } }),
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
      parameters: [slugParam],
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
  "/api/v1/events/{slug}/people/{personId}/photo": {
    post: {
      summary: "Set a speaker's photo (agenda.edit on the forum; the person must speak there). The body is the image itself; it replaces the previous photo.",
      description:
        "JPEG/PNG/WebP ≤ 10 MB, type by magic bytes, re-encoded like report photos (EXIF/GPS stripped, 640/1280 px WebP variants). Send `X-Huiwu-Upload: 1` and the URI-encoded file name in `X-Filename`. When the person also speaks at a forum the caller does not run, 403 names those forums.",
      security: [{ bearer: [] }],
      parameters: [slugParam, { name: "personId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "201": jsonResponse("Stored", { type: "object", properties: { key: { type: "string" }, url: { type: "string" }, mime: { type: "string" }, width: { type: ["integer", "null"] }, height: { type: ["integer", "null"] } } }),
        "400": jsonResponse("Missing X-Huiwu-Upload header", err),
        "401": { description: "Not signed in" },
        "403": jsonResponse("No agenda.edit on this forum, or the person also speaks at a forum the caller does not run", err),
        "404": jsonResponse("Unknown forum, or the person does not speak at it", err),
        "413": jsonResponse("Too large (reason too_large)", err),
        "415": jsonResponse("Not a JPEG, PNG or WebP image (reason unsupported)", err),
        "422": jsonResponse("Decompression-bomb or damaged image (reason image_bomb / corrupt)", err),
      },
    },
    delete: {
      summary: "Remove a speaker's photo and its stored bytes (agenda.edit on the forum; the person must speak there)",
      security: [{ bearer: [] }],
      parameters: [slugParam, { name: "personId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": jsonResponse("Removed (false when there was none)", { type: "object", properties: { removed: { type: "boolean" } } }),
        "401": { description: "Not signed in" },
        "403": jsonResponse("No agenda.edit on this forum, or the person also speaks at a forum the caller does not run", err),
        "404": jsonResponse("Unknown forum, or the person does not speak at it", err),
      },
    },
  },
  "/api/v1/events/{slug}/registrations/import": {
    post: {
      summary: "Import invited guests from a CSV file (organizer): preview (writes nothing) or import a range of rows",
      description:
        "The body is the CSV file itself (UTF-8 with or without BOM, or GBK), ≤ 20 MB, sent with `X-Huiwu-Upload: 1`; the limit is enforced while streaming, after the guard. Columns by header name (姓名/name and 邮箱/email required). Rows with errors are listed by file line and skipped; repeated imports add nothing.",
      security: [{ bearer: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string" } },
        { name: "mode", in: "query", schema: { enum: ["preview", "import"], default: "preview" } },
        { name: "from", in: "query", schema: { type: "integer", minimum: 0, default: 0 }, description: "first row to import (0 = the first after the header)" },
        { name: "to", in: "query", schema: { type: "integer", minimum: 1 }, description: "row after the last to import; omitted = to the end" },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "200": jsonResponse("preview: {encoding, total, valid, existing, errors: [{line, errors}], sample}; import: {processed, created, existing, confirmed, waitlisted, pending, failed}", { type: "object" }),
        "422": jsonResponse("Not a usable file (empty, no rows, too many rows, a required column missing; fieldErrors.file), or an empty row range", errWithFields),
      },
    },
  },
  "/api/v1/events/{slug}/delegations/import": {
    post: {
      summary: "Invite units from a CSV or XLSX file (organizer): one unit per row, each validated on its own",
      description: "The body is the file itself (CSV in any encoding the guest import reads, or XLSX: its first sheet), ≤ 5 MB, sent with `X-Huiwu-Upload: 1`. Columns by header name (单位, 名额, 联络员, 手机, 邮箱) or in that order.",
      security: [{ bearer: [] }],
      parameters: [slugParam],
      requestBody: {
        required: true,
        content: { "text/csv": { schema: { type: "string", format: "binary" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
      },
      responses: {
        "200": jsonResponse("Bad rows are reported with their line; the rest are invited", {
          type: "object",
          properties: { created: { type: "integer" }, failed: { type: "integer" }, errors: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, error: { type: "string" } } } } },
        }),
        "422": jsonResponse("A damaged XLSX (reason corrupt), an empty body, or too many rows", errWithFields),
      },
    },
  },
  ...delegationPaths(),
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
                reserved: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, reason: { enum: [...HALL_RESERVE_REASONS] } } } },
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
      parameters: [slugParam],
      requestBody: jsonBody({
              type: "object",
              required: ["convention", "rows"],
              properties: {
                room: { type: "string", format: "uuid", description: "a room of the forum; omitted = the whole forum's rostrum" },
                session: { type: "string", format: "uuid", description: "a session of the forum (per-session rostrum)" },
                convention: { enum: [...SEATING_CONVENTIONS], description: "government: honour to the rostrum's own left; international: to its right" },
                rows: { type: "array", minItems: 1, maxItems: 6, items: { type: "object", required: ["people"], properties: { people: { type: "array", minItems: 1, maxItems: 40, items: { type: "string", description: "a speaker's person id or a registration id" } } } } },
              },
            }),
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
        { name: "lang", in: "query", required: false, schema: { enum: [...locales] }, description: "en cards use the English name when given" },
        { name: "position", in: "query", required: false, schema: { enum: ["0", "1"] }, description: "print the position line (default 1)" },
      ],
      responses: {
        "200": { description: "PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
        "401": jsonResponse("Not signed in", err),
        "403": jsonResponse("Not staff or organizer of this forum", err),
        "404": jsonResponse("Unknown slug", err),
        "503": { description: "The server has no Chromium to render PDFs: a short page says what to install (Retry-After)", content: { "text/html": { schema: { type: "string" } } } },
      },
    },
  },
  "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
};

/**
 * Request bodies the routes parse with zod: the document shows those very schemas (as the client sends them, "input"),
 * so they cannot drift. Locale-dependent schemas differ only in their messages; "en" is as good as any.
 */
const BODY_SCHEMAS: Record<string, z.ZodType> = {
  "POST /api/v1/auth/signup": signUpSchema,
  "POST /api/v1/auth/token": tokenRequestSchema,
  "POST /api/v1/checkins": checkInByCodeSchema,
  "PATCH /api/v1/events/{slug}": eventPatchSchema,
  "POST /api/v1/events/{slug}/registrations": registrationSchema("en"),
  "PUT /api/v1/events/{slug}/seating/rostrum": rostrumSchema,
  "POST /api/v1/events/{slug}/delegations": delegationCreateSchema("en"),
  "PATCH /api/v1/delegations/{id}": delegationPatchSchema("en"),
  "PUT /api/v1/replies/{token}/delegates": replySchema("en"),
};

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  void _dialect; // OpenAPI 3.1's dialect is JSON Schema 2020-12 already
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const withRetryAfter = (description: string) => ({
  description,
  headers: { "Retry-After": { description: "Seconds until a retry may succeed", schema: { type: "integer" } } },
  content: { "application/json": { schema: err } },
});

/** Answers every route gives through the same code (the route family, THE JSON reader, the upload reader). */
const RESPONSES = {
  MalformedJson: jsonResponse("Malformed or empty JSON body — the same 400 on every operation", err),
  UploadHeader: jsonResponse("The X-Huiwu-Upload: 1 header is missing (a cross-site form cannot send it)", err),
  TooLarge: jsonResponse("The body is over the operation's limit (refused from Content-Length, or while streaming)", err),
  NotJson: jsonResponse("The body is not sent as JSON (Content-Type must be application/json)", err),
  Invalid: jsonResponse("Not a JSON object, NUL (U+0000) in a value, or invalid fields (fieldErrors per field, in the caller's language)", errWithFields),
  Unauthenticated: jsonResponse("Not signed in (no valid bearer token or session)", err),
  Forbidden: jsonResponse("Signed in, but without the permission this needs", err),
  NotFound: jsonResponse("No such resource, or a path parameter that cannot name one", err),
  TooManyRequests: withRetryAfter("Rate limited"),
} as const;

type Operation = {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, unknown>;
};

/** Add the shared answers an operation gives by construction (see the file comment) and its security and body schema. */
function complete(path: string, method: string, op: Operation) {
  const add = (code: string, name: keyof typeof RESPONSES) => (op.responses[code] ??= ref(name));
  const content = op.requestBody?.content ?? {};
  const zod = BODY_SCHEMAS[`${method.toUpperCase()} ${path}`];
  if (zod && content["application/json"]) content["application/json"].schema = jsonSchemaOf(zod);
  if (content["application/json"]) {
    add("400", "MalformedJson");
    add("413", "TooLarge");
    add("415", "NotJson");
    add("422", "Invalid");
  } else if (op.requestBody) {
    add("400", "UploadHeader");
    add("413", "TooLarge");
    add("422", "Invalid");
  }
  const declared = new Set((op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name));
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (!declared.has(name)) (op.parameters ??= []).push({ name, in: "path", required: true, schema: { type: "string" } } as never);
  }
  if (declared.size || /\{/.test(path)) add("404", "NotFound");
  if ((op.parameters ?? []).some((p) => p.in === "query")) add("422", "Invalid");
  op.security ??= []; // public: say so (an empty list), rather than leave it to a global default
  if (op.security.length > 0) {
    add("401", "Unauthenticated");
    add("403", "Forbidden");
  }
}

/** The document, with `servers` = the public origin the request came through (lib/http/origin.ts). */
export function openApiDocument(origin?: string) {
  const out = structuredClone(paths) as Record<string, Record<string, Operation>>;
  for (const [path, ops] of Object.entries(out)) for (const [method, op] of Object.entries(ops)) complete(path, method, op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Huiwu 会务 API",
      version: "1.0.0",
      description:
        "Forums, agendas, registrations, check-in and reports. Errors are `{error, code?, fieldErrors?}` in the caller's language (Accept-Language or the NEXT_LOCALE cookie). A method a path does not serve is answered 405 with an `Allow` header.",
    },
    ...(origin ? { servers: [{ url: origin, description: "This server" }] } : {}),
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Token from POST /api/v1/auth/token (a signed-in browser's session cookie works too)" } },
      schemas: { Error: err, ErrorWithFields: errWithFields },
      responses: RESPONSES,
    },
    paths: out,
  };
}
