/** OpenAPI paths of the delegation API, spread into lib/api/openapi.ts. */
import { ACTIVE_REGISTRATION_STATUSES, DELEGATION_STATUSES } from "@/lib/shared/enums";
import { accommodationEnum as accommodation, err, errWithFields, genderEnum, jsonBody, jsonResponse as json, nstr, rankEnum as rank, slugParam as slug, str, travelModeEnum } from "@/lib/api/openapi-parts";

const leg = { type: ["object", "null"], properties: { at: { type: "string", format: "date-time" }, by: travelModeEnum, number: str, station: str }, required: ["at"] } as const;

const delegateInput = {
  type: "object",
  properties: {
    name: str,
    gender: genderEnum,
    position: str,
    rank,
    orderInUnit: { type: "integer", minimum: 1 },
    phone: { type: "string", description: "11 digits starting with 1 (mainland mobile), or E.164" },
    email: str,
    siteVisit: { type: "boolean" },
    diet: str,
    ethnicity: str,
    arrival: leg,
    departure: leg,
    accommodation,
    note: str,
    replaces: { type: "string", format: "uuid", description: "Substitution (换人): id of the current delegate this person replaces; the old ticket is cancelled" },
  },
  required: ["name", "position", "phone"],
} as const;

const delegateOut = {
  type: "object",
  properties: { ...delegateInput.properties, id: str, email: nstr, status: { enum: [...ACTIVE_REGISTRATION_STATUSES] }, ticketCode: str },
} as const;

export function delegationPaths() {
  const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const token = { name: "token", in: "path", required: true, schema: str, description: "The unit's secret reply token (≥128 bits)" };
  return {
    "/api/v1/events/{slug}/delegations": {
      post: {
        summary: "Invite a unit (受邀单位) with a quota of reserved seats; the liaison gets the reply link by SMS/e-mail",
        security: [{ bearer: [] }],
        parameters: [slug],
        requestBody: jsonBody({
                type: "object",
                properties: { organization: str, quota: { type: "integer", minimum: 1 }, liaison: { type: "object", properties: { name: str, phone: str, email: str }, required: ["name", "phone"] }, replyBy: { type: "string", format: "date-time" }, note: str },
                required: ["organization", "quota", "liaison"],
              }),
        responses: {
          "201": json("Invited", { type: "object", properties: { id: str, organization: str, quota: { type: "integer" }, replyBy: { type: "string", format: "date-time" }, replyUrl: str } }),
          "401": json("Not signed in", err),
          "403": json("Not an organizer of this forum", err),
          "404": json("Unknown slug", err),
          "409": json("The quota exceeds the free seats, or the unit is already invited", errWithFields),
          "422": json("Invalid input", errWithFields),
        },
      },
      get: {
        summary: "Invited units with their progress (organizer or staff)",
        security: [{ bearer: [] }],
        parameters: [slug],
        responses: {
          "200": json("Units in the organizer's order", {
            type: "object",
            properties: {
              delegations: {
                type: "array",
                items: { type: "object", properties: { id: str, organization: str, quota: { type: "integer" }, filled: { type: "integer" }, status: { enum: [...DELEGATION_STATUSES] }, replyBy: { type: "string", format: "date-time" } } },
              },
            },
          }),
          "401": json("Not signed in", err),
          "403": json("Neither organizer nor staff", err),
        },
      },
    },
    "/api/v1/delegations/{id}": {
      patch: {
        summary: "Edit a unit's quota, reply-by or status (close / reopen); raising a quota takes free seats",
        security: [{ bearer: [] }],
        parameters: [id],
        requestBody: jsonBody({ type: "object", properties: { quota: { type: "integer", minimum: 1 }, replyBy: { type: "string", format: "date-time" }, status: { enum: [...DELEGATION_STATUSES] } } }),
        responses: {
          "200": json("Saved", { type: "object", properties: { id: str } }),
          "401": json("Not signed in", err),
          "403": json("Not an organizer of the unit's forum", err),
          "409": json("The raised quota exceeds the free seats", err),
          "422": json("Invalid input, or a quota below the delegates already entered", errWithFields),
        },
      },
      delete: {
        summary: "Remove a unit: its delegates' tickets are cancelled, its seats released to the public waitlist",
        security: [{ bearer: [] }],
        parameters: [id],
        responses: {
          "200": json("Removed", { type: "object", properties: { id: str, cancelled: { type: "integer" }, promoted: { type: "integer" } } }),
          "401": json("Not signed in", err),
          "403": json("Not an organizer of the unit's forum", err),
        },
      },
    },
    "/api/v1/replies/{token}": {
      get: {
        summary: "The unit's reply slip (回执), no account: the token is the credential",
        parameters: [token],
        responses: {
          "200": json("The slip", {
            type: "object",
            properties: {
              event: { type: "object", properties: { slug: str, title: str, startsAt: { type: "string", format: "date-time" }, endsAt: { type: "string", format: "date-time" } } },
              organization: str,
              quota: { type: "integer" },
              replyBy: { type: "string", format: "date-time" },
              open: { type: "boolean" },
              delegates: { type: "array", items: delegateOut, description: "Current delegates; replaced ones left out" },
            },
          }),
          "404": json("Unknown or revoked token (no hint whether the forum exists)", err),
        },
      },
    },
    "/api/v1/replies/{token}/delegates": {
      put: {
        summary: "Submit the unit's delegates: the list replaces the previous one (same name + phone keep their tickets; removed are cancelled; new get tickets)",
        parameters: [token],
        requestBody: jsonBody({ type: "object", properties: { delegates: { type: "array", items: delegateInput } }, required: ["delegates"] }),
        responses: {
          "200": json("Saved", { type: "object", properties: { delegates: { type: "array", items: { type: "object", properties: { id: str, name: str, status: str, ticketCode: str } } } } }),
          "404": json("Unknown or revoked token", err),
          "409": json("After reply-by (the message states the deadline) or the unit is closed", err),
          "422": json("More delegates than the quota (the message names it) or invalid input", errWithFields),
        },
      },
    },
    "/api/v1/events/{slug}/roster": {
      get: {
        summary: "The roster (参会名单): units in the organizer's order, delegates by protocol rank; public registrants under their organization",
        security: [{ bearer: [] }],
        parameters: [slug],
        responses: {
          "200": json("Roster", {
            type: "object",
            properties: {
              units: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    organization: str,
                    delegates: { type: "array", items: { type: "object", properties: { name: str, position: nstr, rank, phone: nstr, siteVisit: { type: "boolean" }, accommodation } } },
                  },
                },
              },
            },
          }),
          "401": json("Not signed in", err),
          "403": json("Neither organizer nor staff", err),
        },
      },
    },
  };
}
