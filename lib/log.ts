/**
 * Structured JSON logs (pino) to stdout, one line per record, with the request id the proxy assigns
 * (x-request-id), so a user's "ref" can be found in the logs.
 */
import pino from "pino";
import { env } from "@/lib/env";

export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "huiwu" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization"], censor: "[redacted]" },
});

/** The current request's id (from the proxy), or undefined outside a request. */
export async function requestId(): Promise<string | undefined> {
  try {
    const { requestHeaders } = await import("@/lib/http/request-headers");
    return (await requestHeaders()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Log an unexpected error and return a short reference to show the user instead of the error's text. */
export async function logUnexpected(e: unknown, where: string): Promise<string> {
  const reqId = await requestId();
  const ref = reqId?.slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  logger.error({ ref, reqId, where, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }, "unexpected error");
  return ref;
}
