/** The building blocks every OpenAPI path of lib/api/openapi.ts and the feature modules it spreads in are made of. */
import { ACCOMMODATION_KINDS, GENDERS, TRAVEL_MODES } from "@/lib/shared/enums";
import { RANKS } from "@/lib/shared/rank";

export const str = { type: "string" } as const;
export const nstr = { type: ["string", "null"] } as const;

/** A response with a JSON body of the given schema. */
export const jsonResponse = (description: string, schema: unknown) => ({ description, content: { "application/json": { schema } } });
/** A required JSON request body of the given schema. */
export const jsonBody = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });
/** The `{slug}` path parameter every forum-scoped operation takes. */
export const slugParam = { name: "slug", in: "path", required: true, schema: str } as const;

export const err = { type: "object", properties: { error: { type: "string" } }, required: ["error"] } as const;
export const errWithFields = { type: "object", properties: { error: { type: "string" }, fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } }, required: ["error"] } as const;

export const rankEnum = { enum: [...RANKS] } as const;
export const genderEnum = { enum: [...GENDERS] } as const;
export const accommodationEnum = { enum: [...ACCOMMODATION_KINDS] } as const;
export const travelModeEnum = { enum: [...TRAVEL_MODES] } as const;
