/**
 * Report commands. Each takes (db, actor, input), scopes every UPDATE/DELETE by the report id AND the forum
 * id the guard checked (no IDOR), and bumps `version` with `UPDATE … WHERE id = ? AND version = ?` (optimistic
 * locking): a stale save changes nothing and fails with "changed by X at 10:42 — reload or merge".
 * Every version gets a full snapshot in report_revisions.
 */
import "server-only";
import { and, asc, eq, inArray, isNotNull, max, sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { events, reportFigures, reportMedia, reportRevisions, reports, reportSections, users } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/permissions";
import { deleteMediaIfUnused, processUpload, storeProcessed, UploadError } from "@/lib/storage/upload";
import { GENERATED_HEADINGS, generatedBody, ledeZh } from "./draft";
import { markdownToStoredHtml, sanitizeStored, type ReportFormat } from "@/lib/shared/report-html";
import { hhmmInZone, instantToLocalInput, zonedToInstant } from "./time";
import type { ReportDoc } from "./validation";
import {
  createReportInput,
  mediaRemoveInput,
  mediaUpdateInput,
  publishable,
  reportDocInput,
  restoreInput,
  returnInput,
  saveReportInput,
  uploadMeta,
  workflowInput,
} from "./validation";
import type { z } from "zod";

type D = Db | Tx;
type Status = (typeof reports.$inferSelect)["status"];

export type ReportSnapshot = {
  title: string;
  titleEn: string | null;
  subtitle: string | null;
  byline: string | null;
  photoCredit: string | null;
  tags: string[];
  lead: string;
  /** Missing in snapshots taken before the rich-text editor: Markdown. */
  leadFormat?: ReportFormat;
  status: Status;
  publishedAt: string | null;
  scheduledAt?: string | null;
  sections: { order: number; heading: string; body: string; format?: ReportFormat; generated?: string | null }[];
  figures: { order: number; label: string; value: string; unit: string | null; change: string | null; period: string | null }[];
};

/** A body as the editor stores it: sanitized HTML (Markdown — the auto-draft's, a legacy snapshot's — converted). */
function storedBody(body: string, format: ReportFormat | undefined | null = "html"): string {
  return format === "html" ? sanitizeStored(body) : markdownToStoredHtml(body);
}

/** An auto-drafted block (lib/reports/draft.ts writes Markdown) as stored HTML. */
async function draftedHtml(tx: D, eventId: string, kind: "program" | "attendance"): Promise<string> {
  return markdownToStoredHtml(await generatedBody(tx, eventId, kind));
}

// ---------------------------------------------------------------------------------------------------------------
// Create from the forum
// ---------------------------------------------------------------------------------------------------------------

export async function createReportFromEvent(db: Db, actor: Actor, input: z.input<typeof createReportInput>) {
  const { eventId } = createReportInput.parse(input);
  return db.transaction(async (tx) => {
    const [event] = await tx.select({ id: events.id, slug: events.slug, title: events.title, summary: events.summary }).from(events).where(eq(events.id, eventId));
    if (!event) throw new DomainError("not_found", "errors.forumNotFound");
    const slug = await uniqueSlug(tx, `${event.slug}-report`);
    // news prose: the lede, then who spoke on what, then attendance; a section without data is left out (lib/reports/draft.ts)
    const sections = [
      { heading: GENERATED_HEADINGS.program, body: await draftedHtml(tx, eventId, "program"), generated: "program" as const },
      { heading: GENERATED_HEADINGS.attendance, body: await draftedHtml(tx, eventId, "attendance"), generated: "attendance" as const },
    ]
      .filter((x) => x.body)
      .map((x, i) => ({ order: i + 1, ...x }));
    const [report] = await tx
      .insert(reports)
      .values({
        eventId,
        slug,
        title: `${event.title}会后报道`,
        lead: markdownToStoredHtml((await ledeZh(tx, eventId)) || event.summary),
        status: "draft",
        version: 1,
        createdById: actor.id,
        updatedById: actor.id,
      })
      .returning({ id: reports.id, slug: reports.slug });
    if (sections.length) await tx.insert(reportSections).values(sections.map((s) => ({ reportId: report.id, ...s })));
    await writeRevision(tx, report.id, 1, actor.id);
    await recordAudit(tx, actor, { action: "report.create", entity: "report", entityId: report.id, eventId, after: { slug, drafted: sections.map((x) => x.generated) } });
    return report;
  });
}

async function uniqueSlug(tx: D, base: string): Promise<string> {
  const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "report";
  const taken = new Set(
    (await tx.select({ slug: reports.slug }).from(reports).where(sql`${reports.slug} LIKE ${`${clean}%`}`)).map((r) => r.slug),
  );
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Save (optimistic locking)
// ---------------------------------------------------------------------------------------------------------------

export async function saveReport(db: Db, actor: Actor, input: z.input<typeof saveReportInput>) {
  const { eventId, reportId, version, ...doc } = saveReportInput.parse(input);
  return db.transaction((tx) => writeDoc(tx, actor, { eventId, reportId, version }, doc));
}

async function writeDoc(tx: Tx, actor: Actor, ids: { eventId: string; reportId: string; version: number }, doc: ReportDoc) {
  const [event] = await tx.select({ timezone: events.timezone }).from(events).where(eq(events.id, ids.eventId));
  if (!event) throw new DomainError("not_found", "errors.reportNotFound");
  await assertEditable(tx, actor, ids);
  const scheduledAt = doc.publishAt ? zonedToInstant(doc.publishAt, event.timezone) : null;
  const [row] = await tx
    .update(reports)
    .set({
      title: doc.title,
      titleEn: doc.titleEn,
      subtitle: doc.subtitle,
      byline: doc.byline,
      photoCredit: doc.photoCredit,
      tags: doc.tags,
      lead: sanitizeStored(doc.lead), // sanitized on save (and again on every render)
      leadFormat: "html",
      scheduledAt,
      version: sql`${reports.version} + 1`,
      updatedById: actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(reports.id, ids.reportId), eq(reports.eventId, ids.eventId), eq(reports.version, ids.version)))
    .returning({ version: reports.version });
  if (!row) throw await staleOrMissing(tx, ids);

  // Photos placed in a section follow it when sections are reordered; photos of a removed section go to the gallery.
  const placed = await tx
    .select({ id: reportMedia.id, sectionOrder: reportMedia.sectionOrder })
    .from(reportMedia)
    .where(and(eq(reportMedia.reportId, ids.reportId), isNotNull(reportMedia.sectionOrder)));
  const moved = new Map<number, number>();
  doc.sections.forEach((s, i) => s.was && moved.set(s.was, i + 1));
  for (const p of placed) {
    const to = moved.get(p.sectionOrder!) ?? (p.sectionOrder! <= doc.sections.length && !doc.sections.some((s) => s.was) ? p.sectionOrder : null);
    if (to !== p.sectionOrder) await tx.update(reportMedia).set({ sectionOrder: to }).where(and(eq(reportMedia.id, p.id), eq(reportMedia.reportId, ids.reportId)));
  }

  await tx.delete(reportSections).where(eq(reportSections.reportId, ids.reportId));
  if (doc.sections.length) {
    await tx.insert(reportSections).values(
      doc.sections.map((s, i) => ({ reportId: ids.reportId, order: i + 1, heading: s.heading, body: sanitizeStored(s.body), format: "html", generated: s.generated ?? null })),
    );
  }
  await tx.delete(reportFigures).where(eq(reportFigures.reportId, ids.reportId));
  if (doc.figures.length) {
    await tx.insert(reportFigures).values(doc.figures.map((f, i) => ({ reportId: ids.reportId, order: i + 1, ...f })));
  }
  await writeRevision(tx, ids.reportId, row.version, actor.id);
  await recordAudit(tx, actor, {
    action: "report.save",
    entity: "report",
    entityId: ids.reportId,
    eventId: ids.eventId,
    before: { version: ids.version },
    after: { version: row.version, title: doc.title, sections: doc.sections.length, figures: doc.figures.length },
  });
  return { version: row.version };
}

/** Why a versioned UPDATE matched nothing: gone (not_found) or changed meanwhile (conflict, naming who and when). */
async function staleOrMissing(tx: D, ids: { eventId: string; reportId: string; version: number }): Promise<DomainError> {
  const [cur] = await tx
    .select({ version: reports.version, updatedAt: reports.updatedAt, by: users.name, tz: events.timezone, status: reports.status })
    .from(reports)
    .innerJoin(events, eq(events.id, reports.eventId))
    .leftJoin(users, eq(users.id, reports.updatedById))
    .where(and(eq(reports.id, ids.reportId), eq(reports.eventId, ids.eventId)));
  if (!cur) return new DomainError("not_found", "errors.reportNotFound");
  if (cur.version === ids.version) return new DomainError("invalid", "errors.reportWrongStatus", { params: { status: cur.status } });
  const by = cur.by ?? "someone";
  const at = hhmmInZone(cur.updatedAt, cur.tz);
  return new DomainError("conflict", "errors.reportConflict", { params: { by, at }, extra: { by, at, updatedAt: cur.updatedAt.toISOString(), version: cur.version } });
}

// ---------------------------------------------------------------------------------------------------------------
// Revisions
// ---------------------------------------------------------------------------------------------------------------

/**
 * A published report is live: only those who may publish (organizers) change it directly. Staff edits would go
 * public without review, so they are refused with a way forward (the organizer returns it to draft first).
 */
async function assertEditable(tx: Tx, actor: Actor, ids: { eventId: string; reportId: string }) {
  const [cur] = await tx.select({ status: reports.status }).from(reports).where(and(eq(reports.id, ids.reportId), eq(reports.eventId, ids.eventId)));
  if (cur?.status === "published" && !(await can(actor, "report.publish", { eventId: ids.eventId }, tx))) {
    throw new DomainError("forbidden", "errors.reportPublishedLocked");
  }
}

export async function snapshotOf(tx: D, reportId: string): Promise<ReportSnapshot> {
  const [r] = await tx.select().from(reports).where(eq(reports.id, reportId));
  const sections = await tx
    .select({ order: reportSections.order, heading: reportSections.heading, body: reportSections.body, format: reportSections.format, generated: reportSections.generated })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId))
    .orderBy(asc(reportSections.order));
  const figures = await tx
    .select({ order: reportFigures.order, label: reportFigures.label, value: reportFigures.value, unit: reportFigures.unit, change: reportFigures.change, period: reportFigures.period })
    .from(reportFigures)
    .where(eq(reportFigures.reportId, reportId))
    .orderBy(asc(reportFigures.order));
  return {
    title: r.title,
    titleEn: r.titleEn,
    subtitle: r.subtitle,
    byline: r.byline,
    photoCredit: r.photoCredit,
    tags: r.tags,
    lead: r.lead,
    leadFormat: r.leadFormat as ReportFormat,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    sections: sections.map((x) => ({ ...x, format: x.format as ReportFormat })),
    figures,
  };
}

async function writeRevision(tx: D, reportId: string, version: number, authorId: string) {
  await tx.insert(reportRevisions).values({ reportId, version, snapshot: await snapshotOf(tx, reportId), authorId });
}

/** Restore an earlier revision: saved as a new version (history is never rewritten). */
export async function restoreRevision(db: Db, actor: Actor, input: z.input<typeof restoreInput>) {
  const { eventId, reportId, version, revision } = restoreInput.parse(input);
  return db.transaction(async (tx) => {
    const [rev] = await tx
      .select({ snapshot: reportRevisions.snapshot, tz: events.timezone })
      .from(reportRevisions)
      .innerJoin(reports, eq(reports.id, reportRevisions.reportId))
      .innerJoin(events, eq(events.id, reports.eventId))
      .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, revision), eq(reports.eventId, eventId)));
    if (!rev) throw new DomainError("not_found", "errors.revisionNotFound");
    const s = rev.snapshot as ReportSnapshot;
    const doc = reportDocInput.parse({
      ...s,
      lead: storedBody(s.lead, s.leadFormat ?? "markdown"),
      publishAt: s.scheduledAt ? instantToLocalInput(new Date(s.scheduledAt), rev.tz) : null,
      sections: s.sections.map((x) => ({ heading: x.heading, body: storedBody(x.body, x.format ?? "markdown"), generated: x.generated ?? null, was: x.order })),
    });
    return writeDoc(tx, actor, { eventId, reportId, version }, doc);
  });
}

/** Recompute the blocks drafted from the forum (attendance statistics, program) with today's data. */
export async function refreshGenerated(db: Db, actor: Actor, input: z.input<typeof workflowInput>) {
  const { eventId, reportId, version } = workflowInput.parse(input);
  return db.transaction(async (tx) => {
    const [r] = await tx.select({ tz: events.timezone }).from(reports).innerJoin(events, eq(events.id, reports.eventId)).where(and(eq(reports.id, reportId), eq(reports.eventId, eventId)));
    if (!r) throw new DomainError("not_found", "errors.reportNotFound");
    const s = await snapshotOf(tx, reportId);
    const sections = [];
    for (const x of s.sections) {
      const body = x.generated === "program" || x.generated === "attendance" ? await draftedHtml(tx, eventId, x.generated) : storedBody(x.body, x.format);
      sections.push({ heading: x.heading, body, generated: x.generated ?? null, was: x.order });
    }
    const doc = reportDocInput.parse({ ...s, lead: storedBody(s.lead, s.leadFormat), publishAt: s.scheduledAt ? instantToLocalInput(new Date(s.scheduledAt), r.tz) : null, sections });
    return writeDoc(tx, actor, { eventId, reportId, version }, doc);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Workflow: draft → in_review → published; return with a comment; unpublish. Versioned like saves.
// ---------------------------------------------------------------------------------------------------------------

async function transition(
  action: string,
  db: Db,
  actor: Actor,
  ids: { eventId: string; reportId: string; version: number },
  from: Status[],
  set: PgUpdateSetSource<typeof reports>,
  requireTitle = false,
) {
  return db.transaction(async (tx) => {
    if (requireTitle) {
      const [cur] = await tx.select({ title: reports.title }).from(reports).where(and(eq(reports.id, ids.reportId), eq(reports.eventId, ids.eventId)));
      if (!cur) throw new DomainError("not_found", "errors.reportNotFound");
      const ok = publishable.safeParse(cur);
      if (!ok.success) throw new DomainError("invalid", "errors.titleRequired", { fieldErrors: { title: ["errors.titleRequiredToPublish"] } });
    }
    const [row] = await tx
      .update(reports)
      .set({ ...set, version: sql`${reports.version} + 1`, updatedById: actor.id, updatedAt: new Date() })
      .where(and(eq(reports.id, ids.reportId), eq(reports.eventId, ids.eventId), eq(reports.version, ids.version), inArray(reports.status, from)))
      .returning({ version: reports.version, status: reports.status, publishedAt: reports.publishedAt });
    if (!row) throw await staleOrMissing(tx, ids);
    await writeRevision(tx, ids.reportId, row.version, actor.id);
    await recordAudit(tx, actor, { action, entity: "report", entityId: ids.reportId, eventId: ids.eventId, before: { version: ids.version }, after: row });
    return row;
  });
}

export async function submitReport(db: Db, actor: Actor, input: z.input<typeof workflowInput>) {
  const { eventId, reportId, version } = workflowInput.parse(input);
  return transition("report.submit", db, actor, { eventId, reportId, version }, ["draft"], { status: "in_review", reviewComment: null }, true);
}

/** Publish now, or at the report's publish date (scheduledAt): until then the public side does not show it. */
export async function publishReport(db: Db, actor: Actor, input: z.input<typeof workflowInput>) {
  const { eventId, reportId, version } = workflowInput.parse(input);
  return transition(
    "report.publish",
    db,
    actor,
    { eventId, reportId, version },
    ["draft", "in_review"],
    { status: "published", reviewComment: null, publishedAt: sql`coalesce(${reports.scheduledAt}, now())` },
    true,
  );
}

export async function returnReport(db: Db, actor: Actor, input: z.input<typeof returnInput>) {
  const { eventId, reportId, version, comment } = returnInput.parse(input);
  return transition("report.return", db, actor, { eventId, reportId, version }, ["in_review"], { status: "draft", reviewComment: comment });
}

export async function unpublishReport(db: Db, actor: Actor, input: z.input<typeof workflowInput>) {
  const { eventId, reportId, version } = workflowInput.parse(input);
  return transition("report.unpublish", db, actor, { eventId, reportId, version }, ["published"], { status: "draft", publishedAt: null });
}

// ---------------------------------------------------------------------------------------------------------------
// Photos and attachments
// ---------------------------------------------------------------------------------------------------------------

/** Photos and attachments are part of what a published report shows: the same rule as text edits (assertEditable). */
async function assertMediaEditable(tx: Tx, actor: Actor, reportId: string, eventId: string) {
  const [r] = await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.id, reportId), eq(reports.eventId, eventId)));
  if (!r) throw new DomainError("not_found", "errors.reportNotFound");
  await assertEditable(tx, actor, { reportId, eventId });
}

/** Check, transform and store an uploaded file, and attach it to the report as a photo or an attachment. */
export async function attachUpload(
  db: Db,
  actor: Actor,
  input: { eventId: string; reportId: string; bytes: Buffer; filename: string | null } & z.input<typeof uploadMeta>,
) {
  const meta = uploadMeta.parse(input);
  const file = await processUpload(input.bytes);
  if (meta.role === "photo" && file.type.kind !== "image") throw new UploadError("unsupported", "errors.upload.photoType");
  if (meta.role === "attachment" && file.type.kind !== "attachment") throw new UploadError("unsupported", "errors.upload.attachmentType");
  return db.transaction(async (tx) => {
    await assertMediaEditable(tx, actor, input.reportId, input.eventId);
    const m = await storeProcessed(tx, actor, file, input.filename);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(${max(reportMedia.order)}, 0) + 1` })
      .from(reportMedia)
      .where(eq(reportMedia.reportId, input.reportId));
    const [rm] = await tx
      .insert(reportMedia)
      .values({ reportId: input.reportId, mediaId: m.id, role: meta.role, caption: meta.caption, credit: meta.credit, sectionOrder: meta.sectionOrder, order: Number(next) })
      .returning({ id: reportMedia.id });
    await recordAudit(tx, actor, { action: "report.media.add", entity: "report", entityId: input.reportId, eventId: input.eventId, after: { role: meta.role, mime: m.mime, bytes: m.bytes, filename: m.filename } });
    return { reportMediaId: rm.id, key: m.storageKey, mime: m.mime, bytes: m.bytes, width: m.width, height: m.height, filename: m.filename };
  });
}

/** One photo or attachment of the report, in a transaction where the actor may edit the report's media: `write`
 * changes the row picked by `where` and returns what it touched, or nothing when the report has no such media (404). */
async function onReportMedia<T>(db: Db, actor: Actor, v: { reportId: string; eventId: string; reportMediaId: string }, write: (tx: Tx, where: SQL) => Promise<T | undefined>) {
  return db.transaction(async (tx) => {
    await assertMediaEditable(tx, actor, v.reportId, v.eventId);
    const row = await write(tx, and(eq(reportMedia.id, v.reportMediaId), eq(reportMedia.reportId, v.reportId))!);
    if (!row) throw new DomainError("not_found", "errors.mediaNotFound");
    return row;
  });
}

export async function updateReportMedia(db: Db, actor: Actor, input: z.input<typeof mediaUpdateInput>) {
  const v = mediaUpdateInput.parse(input);
  return onReportMedia(db, actor, v, async (tx, where) => {
    const [row] = await tx.update(reportMedia).set({ caption: v.caption, credit: v.credit, sectionOrder: v.sectionOrder, order: v.order }).where(where).returning({ id: reportMedia.id });
    if (row) await recordAudit(tx, actor, { action: "report.media.edit", entity: "report", entityId: v.reportId, eventId: v.eventId, after: { caption: v.caption, credit: v.credit, sectionOrder: v.sectionOrder } });
    return row;
  });
}

export async function removeReportMedia(db: Db, actor: Actor, input: z.input<typeof mediaRemoveInput>) {
  const v = mediaRemoveInput.parse(input);
  await onReportMedia(db, actor, v, async (tx, where) => {
    const [row] = await tx.delete(reportMedia).where(where).returning({ mediaId: reportMedia.mediaId });
    if (!row) return undefined;
    await deleteMediaIfUnused(tx, row.mediaId); // the bytes go when nothing else uses them
    await recordAudit(tx, actor, { action: "report.media.remove", entity: "report", entityId: v.reportId, eventId: v.eventId, before: { reportMediaId: v.reportMediaId } });
    return row;
  });
  return { removed: true };
}
