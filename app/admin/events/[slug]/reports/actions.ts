"use server";
/**
 * Server actions of the report editor (issue 6). Each: guard (report.write / report.publish on the forum named in
 * the input) → zod → domain command, which re-checks that the report belongs to that forum.
 */
import { DomainError, formDataToObject, parse, toFailure, type ActionResult } from "@/lib/actions/result";
import { requirePermission } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import {
  createReportFromEvent,
  publishReport,
  refreshGenerated,
  removeReportMedia,
  restoreRevision,
  returnReport,
  saveReport,
  submitReport,
  unpublishReport,
  updateReportMedia,
} from "@/lib/reports/commands";
import { editorState, type EditorState } from "@/lib/reports/editor-state";
import { renderMarkdown } from "@/lib/reports/markdown";
import { reportForEditor } from "@/lib/reports/queries";
import {
  createReportInput,
  mediaRemoveInput,
  mediaUpdateInput,
  previewInput,
  restoreInput,
  returnInput,
  saveReportInput,
  workflowInput,
} from "@/lib/reports/validation";
import { z } from "zod";

export type Conflict = { by: string; at: string; updatedAt: string; version: number };
export type ReportActionResult<T = undefined> = ActionResult<T> & { conflict?: Conflict };

const JSON_FIELDS = ["sections", "figures"];

/** Plain object from an action argument (objects from the editor; FormData from forms and the guard test). */
function plain(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const o = formDataToObject(input);
    for (const k of JSON_FIELDS) {
      if (typeof o[k] === "string") {
        try {
          o[k] = JSON.parse(o[k] as string);
        } catch {
          /* left as is: zod reports the field */
        }
      }
    }
    return o;
  }
  return input && typeof input === "object" ? (input as Record<string, unknown>) : {};
}

const eventScope = (o: Record<string, unknown>) => {
  const id = z.uuid().safeParse(o.eventId);
  return { eventId: id.success ? id.data : "00000000-0000-0000-0000-000000000000" };
};

/** guard → parse → command, with conflicts carrying who/when for the editor. */
async function guarded<S extends z.ZodType, T>(
  permission: Permission,
  input: unknown,
  schema: S,
  fn: (v: z.infer<S>, actor: Awaited<ReturnType<typeof requirePermission>>) => Promise<T>,
): Promise<ReportActionResult<T>> {
  try {
    const o = plain(input);
    const actor = await requirePermission(permission, eventScope(o));
    const v = parse(schema, o);
    return { ok: true, data: await fn(v, actor) };
  } catch (e) {
    if (e instanceof DomainError && e.code === "conflict") return { ...toFailure(e), conflict: e.extra as Conflict };
    return toFailure(e);
  }
}

export async function createReportAction(input: unknown) {
  return guarded("report.write", input, createReportInput, async (v, actor) => createReportFromEvent(await getDb(), actor, v));
}

export async function saveReportAction(input: unknown) {
  return guarded("report.write", input, saveReportInput, async (v, actor) => saveReport(await getDb(), actor, v));
}

/** The latest saved state (after a conflict: "reload or merge"). */
export async function loadReportStateAction(input: unknown): Promise<ReportActionResult<EditorState>> {
  return guarded("report.write", input, z.object({ eventId: z.uuid(), reportId: z.uuid() }), async (v) => {
    const db = await getDb();
    const r = await reportForEditor(db, v.eventId, v.reportId);
    if (!r) throw new DomainError("not_found", "errors.reportNotFound");
    const [{ timezone }] = await db.query.events.findMany({ where: (e, { eq }) => eq(e.id, v.eventId), columns: { timezone: true } });
    return editorState(r, timezone);
  });
}

/** Live preview: the same Markdown → sanitized HTML path as the public page. */
export async function previewAction(input: unknown) {
  return guarded("report.write", input, previewInput, async (v) =>
    renderMarkdown(v.body, v.figures.map((f) => ({ value: f.value ?? "", unit: f.unit ?? null }))),
  );
}

export async function submitReportAction(input: unknown) {
  return guarded("report.write", input, workflowInput, async (v, actor) => submitReport(await getDb(), actor, v));
}

export async function publishReportAction(input: unknown) {
  return guarded("report.publish", input, workflowInput, async (v, actor) => publishReport(await getDb(), actor, v));
}

export async function returnReportAction(input: unknown) {
  return guarded("report.publish", input, returnInput, async (v, actor) => returnReport(await getDb(), actor, v));
}

export async function unpublishReportAction(input: unknown) {
  return guarded("report.publish", input, workflowInput, async (v, actor) => unpublishReport(await getDb(), actor, v));
}

export async function restoreRevisionAction(input: unknown) {
  return guarded("report.write", input, restoreInput, async (v, actor) => restoreRevision(await getDb(), actor, v));
}

export async function refreshGeneratedAction(input: unknown) {
  return guarded("report.write", input, workflowInput, async (v, actor) => refreshGenerated(await getDb(), actor, v));
}

export async function updateMediaAction(input: unknown) {
  return guarded("report.write", input, mediaUpdateInput, async (v, actor) => updateReportMedia(await getDb(), actor, v));
}

export async function removeMediaAction(input: unknown) {
  return guarded("report.write", input, mediaRemoveInput, async (v, actor) => removeReportMedia(await getDb(), actor, v));
}

