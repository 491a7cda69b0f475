import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/http/responses";

export function GET() {
  return json(openApiDocument());
}
