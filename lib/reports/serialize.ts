/** The read API's JSON shape of a report (GET /api/v1/reports/{slug}), and the rendered body every public view shares. */
import { isoInZone } from "@/lib/i18n/format";
import { renderBody, type ReportFormat, type RenderRefs } from "@/lib/shared/report-html";
import type { PublicReportDetail } from "./queries";

type Renderable = Pick<PublicReportDetail, "lead" | "leadFormat" | "sections" | "figures" | "photos" | "photoCredit">;

/** What a body's references are filled from: the report's key figures (by position) and its photos (by id). */
export function reportRefs(r: Pick<Renderable, "figures" | "photos" | "photoCredit">): RenderRefs {
  return {
    figures: r.figures.map((f) => ({ value: f.value, unit: f.unit })),
    photos: r.photos.map((p) => ({ id: p.id, url: p.url, caption: p.caption, credit: p.credit ?? r.photoCredit, width: p.width, height: p.height })),
  };
}

/**
 * The lead and sections as sanitized HTML (either stored format), and the photos placed inline in the text — those are
 * not repeated under their section or in the gallery.
 */
export function renderedReport(r: Renderable) {
  const refs = reportRefs(r);
  const lead = renderBody(r.lead, r.leadFormat as ReportFormat, refs);
  const sections = r.sections.map((s) => ({ id: s.id, order: s.order, heading: s.heading, html: renderBody(s.body, s.format as ReportFormat, refs) }));
  const inline = new Set<string>();
  for (const body of [r.lead, ...r.sections.map((s) => s.body)]) for (const m of body.matchAll(/data-photo="([0-9a-f-]{36})"/g)) inline.add(m[1]);
  return { lead, sections, inlinePhotoIds: inline };
}

export function reportJson(r: PublicReportDetail) {
  const body = renderedReport(r);
  return {
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    byline: r.byline,
    photoCredit: r.photoCredit,
    tags: r.tags,
    publishedAt: r.publishedAt ? isoInZone(r.publishedAt, r.event.timezone) : null,
    event: { slug: r.event.slug, title: r.event.title },
    lead: body.lead,
    sections: body.sections.map((s) => ({ heading: s.heading, html: s.html })),
    figures: r.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit, change: f.change, period: f.period })),
    photos: r.photos.map((p) => ({ url: p.url, caption: p.caption, credit: p.credit ?? r.photoCredit })),
    attachments: r.attachments.map((a) => ({ name: a.filename, url: a.url, bytes: a.bytes })),
  };
}
