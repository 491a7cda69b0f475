/**
 * THE way server code reads the incoming request's headers and cookies: the request a direct route is answering
 * (lib/http/request-scope.ts), else Next's `headers()` / `cookies()` (pages, server actions, routes Next runs; a
 * cookie set earlier in the same server action shows through Next's `cookies()`). Both throw outside any request,
 * as `headers()` does.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { cookieOf } from "./cookies";
import { scopedRequest } from "./request-scope";

export async function requestHeaders(): Promise<Headers> {
  const scoped = scopedRequest();
  return scoped ? scoped.headers : ((await headers()) as unknown as Headers);
}

export async function requestCookie(name: string): Promise<string | undefined> {
  const scoped = scopedRequest();
  return scoped ? cookieOf(scoped.headers.get("cookie"), name) : (await cookies()).get(name)?.value;
}
