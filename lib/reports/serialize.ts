/** The read API's JSON shape of a report (GET /api/v1/reports/{slug}). */
import { isoInZone } from "@/lib/i18n/format";
import { renderMarkdown } from "./markdown";
import type { PublicReportDetail } from "./queries";

export function reportJson(r: PublicReportDetail) {
  const inline = r.figures.map((f) => ({ value: f.value, unit: f.unit }));
  return {
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    byline: r.byline,
    photoCredit: r.photoCredit,
    tags: r.tags,
    publishedAt: r.publishedAt ? isoInZone(r.publishedAt, r.event.timezone) : null,
    event: { slug: r.event.slug, title: r.event.title },
    lead: renderMarkdown(r.lead, inline),
    sections: r.sections.map((s) => ({ heading: s.heading, html: renderMarkdown(s.body, inline) })),
    figures: r.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit, change: f.change, period: f.period })),
    photos: r.photos.map((p) => ({ url: p.url, caption: p.caption, credit: p.credit ?? r.photoCredit })),
    attachments: r.attachments.map((a) => ({ name: a.filename, url: a.url, bytes: a.bytes })),
  };
}
