"use server";
// Guard: every action is built on eventAction("report.*", …) (lib/actions/define.ts), scoped to the report's forum; published-report edits are further refused by assertEditable. tests/db/guards.test.ts covers each.
/**
 * Server actions of the report editor, thin on the family (lib/actions/define.ts): report.write / report.publish on
 * the forum named in the input; each command re-checks that the report belongs to that forum. A version conflict
 * comes back with who saved when (`conflict`), so the editor can offer "reload or merge".
 */
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { eventAction, type ActionContext, type Failure } from "@/lib/actions/define";
import { DomainError } from "@/lib/actions/result";
import type { Actor, Permission } from "@/lib/auth/permissions";
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
} from "./commands";
import { editorState } from "./editor-state";
import { renderStoredHtml } from "@/lib/shared/report-html";
import { reportForEditor } from "./queries";
import { wechatReportOf } from "./wechat";
import { createReportInput, mediaRemoveInput, mediaUpdateInput, previewInput, restoreInput, returnInput, saveReportInput, workflowInput } from "./validation";

export type Conflict = { by: string; at: string; updatedAt: string; version: number };

/** Forms post `sections` / `figures` as JSON text; the editor sends objects. */
const JSON_FIELDS = ["sections", "figures"];
function withJsonFields<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => {
    if (!v || typeof v !== "object") return v;
    const o = { ...(v as Record<string, unknown>) };
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
  }, schema);
}

const withConflict = {
  failure: (f: Failure, { error }: { error: unknown }): Failure & { conflict?: Conflict } =>
    error instanceof DomainError && f.code === "conflict" ? { ...f, conflict: error.extra as Conflict } : f,
};

/** eventAction with the editor's two additions: JSON-text fields from forms, and the conflict details on failure. */
function report<S extends z.ZodType, T>(permission: Permission, schema: S, fn: (ctx: ActionContext<S, Actor>) => Promise<T> | T) {
  return eventAction<S, T, Failure & { conflict?: Conflict }>(permission, withJsonFields(schema) as unknown as S, fn, withConflict);
}

/** A report of a forum, by ids. */
const reportIdsInput = z.object({ eventId: z.uuid(), reportId: z.uuid() });

export const createReportAction = report("report.write", createReportInput, ({ db, actor, input }) => createReportFromEvent(db, actor, input));
export const saveReportAction = report("report.write", saveReportInput, ({ db, actor, input }) => saveReport(db, actor, input));

/** The latest saved state (after a conflict: "reload or merge"). */
export const loadReportStateAction = report("report.write", reportIdsInput, async ({ db, input }) => {
  const r = await reportForEditor(db, input.eventId, input.reportId);
  if (!r) throw new DomainError("not_found", "errors.reportNotFound");
  const [{ timezone }] = await db.query.events.findMany({ where: (e, { eq }) => eq(e.id, input.eventId), columns: { timezone: true } });
  return editorState(r, timezone);
});

/** Preview: the editor's HTML through the same sanitizer as the public page (what a reader will get). */
export const previewAction = report("report.write", previewInput, ({ input }) => renderStoredHtml(input.body, { figures: input.figures.map((f) => ({ value: f.value ?? "", unit: f.unit ?? null })) }));

export const submitReportAction = report("report.write", workflowInput, ({ db, actor, input }) => submitReport(db, actor, input));
export const publishReportAction = report("report.publish", workflowInput, ({ db, actor, input }) => publishReport(db, actor, input));
export const returnReportAction = report("report.publish", returnInput, ({ db, actor, input }) => returnReport(db, actor, input));
export const unpublishReportAction = report("report.publish", workflowInput, ({ db, actor, input }) => unpublishReport(db, actor, input));
export const restoreRevisionAction = report("report.write", restoreInput, ({ db, actor, input }) => restoreRevision(db, actor, input));
export const refreshGeneratedAction = report("report.write", workflowInput, ({ db, actor, input }) => refreshGenerated(db, actor, input));
export const updateMediaAction = report("report.write", mediaUpdateInput, ({ db, actor, input }) => updateReportMedia(db, actor, input));
export const removeMediaAction = report("report.write", mediaRemoveInput, ({ db, actor, input }) => removeReportMedia(db, actor, input));

/** The saved report as WeChat official-account HTML (inline styles only, absolute image URLs) and plain text. */
export const wechatCopyAction = report("report.write", reportIdsInput, async ({ db, input }) => {
  const t = await getTranslations("reports");
  const r = await wechatReportOf(db, input.eventId, input.reportId, { figures: t("figures"), gallery: t("gallery") });
  if (!r) throw new DomainError("not_found", "errors.reportNotFound");
  return r;
});
