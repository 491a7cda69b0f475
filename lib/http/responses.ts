/** JSON responses for route handlers: one shape for errors, never internals (DESIGN §3.2). */
import { NextResponse } from "next/server";
import { failureLocale } from "@/lib/actions/result";
import { translateMessage } from "@/lib/i18n/errors";
import { logUnexpected } from "@/lib/log";

export function json(data: unknown, init?: number | ResponseInit) {
  return NextResponse.json(data, typeof init === "number" ? { status: init } : init);
}

export function jsonError(status: number, error: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error, ...extra }, { status });
}

/** Log an unexpected error with a reference and answer a generic 500 that quotes the reference, in the request's language. */
export async function internalError(e: unknown, where: string) {
  const ref = await logUnexpected(e, where);
  return jsonError(500, translateMessage({ key: "errors.internal", params: { ref } }, await failureLocale()), { code: "internal" });
}
