// Deliberately without requireActor(): anyone may sign up; throttled per IP (lib/auth/limits).
import { signUp } from "@/lib/accounts/commands";
import { signUpSchema } from "@/lib/accounts/validation";
import { parse } from "@/lib/actions/result";
import { ipFromHeaders } from "@/lib/auth/request-info";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/domain-errors";
import { readJson } from "@/lib/http/json-body";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signup {email,password,name,organization?,position?,phone?} → 201 {user}. Public; throttled per IP. */
export async function POST(req: Request) {
  try {
    const input = parse(signUpSchema, await readJson(req));
    const user = await signUp(await getDb(), input, ipFromHeaders(req.headers));
    return json({ user: { id: user.id, email: user.email, name: user.name } }, 201);
  } catch (e) {
    return errorResponse(e, "POST /api/v1/auth/signup");
  }
}
