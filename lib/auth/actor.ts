/**
 * Who is calling: the signed-in user (Auth.js session cookie) or an API bearer token, re-read from the database
 * so a disabled or demoted user loses rights on the very next request.
 * TEMPORARY until the Accounts issue lands Auth.js: nobody is signed in.
 */
import "server-only";
import type { Actor } from "./permissions";

export async function currentActor(): Promise<Actor | null> {
  return null;
}
