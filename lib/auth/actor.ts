/**
 * Who is calling: the signed-in user (Auth.js session cookie) or an API bearer token (`Authorization: Bearer …`),
 * re-read from the database on EVERY call, so a disabled or demoted user loses rights on the very next request.
 *
 * Vitest: tests/fixtures/actor.ts replaces this module (see there) to run actions / routes as a given user.
 */
import "server-only";
import { headers } from "next/headers";
import type { Session } from "next-auth";
import { getDb } from "@/lib/db";
import { auth } from "./auth";
import { actorById } from "./actor-lookup";
import type { Actor } from "./permissions";
import { actorFromBearer, bearerFrom } from "./tokens";

export async function currentActor(): Promise<Actor | null> {
  const h = await headers();
  const db = await getDb();
  const bearer = bearerFrom(h.get("authorization"));
  if (bearer !== undefined) return bearer ? actorFromBearer(db, bearer) : null; // a bad Authorization header never falls back to the cookie
  const session = (await auth()) as (Session & { authAt?: number }) | null;
  const id = session?.user?.id;
  return id ? actorById(db, id, { authAt: session.authAt ?? 0 }) : null;
}
