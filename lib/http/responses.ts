/** JSON responses for route handlers: one shape for errors, never internals (DESIGN §3.2). */
import { NextResponse } from "next/server";

export function json(data: unknown, init?: number | ResponseInit) {
  return NextResponse.json(data, typeof init === "number" ? { status: init } : init);
}

export function jsonError(status: number, error: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error, ...extra }, { status });
}

/** Log an unexpected error with a reference and answer a generic 500 that quotes the reference. */
export function internalError(e: unknown, where: string) {
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(JSON.stringify({ level: "error", ref, where, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }));
  return jsonError(500, `Internal error (ref ${ref}).`);
}
