import { publicRoute } from "@/lib/actions/route";
import { openApiDocument } from "@/lib/api/openapi";
import { originOf } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the API's description; `servers` is this server's public origin. */
export const GET = publicRoute("the API's public description", {}, ({ req }) => openApiDocument(originOf(req)));
