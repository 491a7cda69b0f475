/** Auth.js endpoints (session, CSRF, OAuth callbacks). Credentials are checked — and throttled — in lib/auth/credentials. */
import { handlers } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

export const { GET, POST } = handlers;
