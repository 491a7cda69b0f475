import { publicRoute } from "@/lib/actions/route";
import { openApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json: the API's description. */
export const GET = publicRoute("the API's public description", {}, () => openApiDocument());
