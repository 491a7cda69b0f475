/**
 * The three lines every console server action reads (DESIGN §3.1): guard on the forum named in the input → zod →
 * domain command, as an ActionResult. Input may be FormData (forms, the guard test) or a plain object (client calls).
 */
import "server-only";
import { z } from "zod";
import { formDataToObject, parse, toFailure, type ActionResult } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Db } from "@/db/client";

const NO_EVENT = "00000000-0000-0000-0000-000000000000";

export function plainInput(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formDataToObject(input);
  return input && typeof input === "object" ? (input as Record<string, unknown>) : {};
}

export async function eventAction<S extends z.ZodType, T>(
  permission: Permission,
  input: unknown,
  schema: S,
  fn: (db: Db, actor: Actor, v: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const o = plainInput(input);
    const id = z.uuid().safeParse(o.eventId);
    const actor = await requirePermission(permission, { eventId: id.success ? id.data : NO_EVENT });
    const v = parse(schema, o);
    return { ok: true, data: await fn(await getDb(), actor, v) };
  } catch (e) {
    return toFailure(e);
  }
}
