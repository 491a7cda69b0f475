// Guard: publicRoute on purpose: anyone may sign up; throttled per IP (lib/auth/limits).
import { signUp } from "@/lib/accounts/commands";
import { signUpSchema } from "@/lib/accounts/validation";
import { publicRoute } from "@/lib/actions/route";
import { ipFromHeaders } from "@/lib/auth/request-info";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/signup {email,password,name,organization?,position?,phone?} → 201 {user}. Public; throttled per IP. */
export const POST = publicRoute("anyone may sign up; throttled per IP (lib/auth/limits)", { body: signUpSchema, status: 201 }, async ({ db, req, body }) => {
  const user = await signUp(db, body, ipFromHeaders(req.headers));
  return { user: { id: user.id, email: user.email, name: user.name } };
});
