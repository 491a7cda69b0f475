/** The editor's view of a report (serializable, shared by the editor page and the "load latest" action). */
import type { ReportStatus } from "@/lib/shared/enums";
import { isoInZone } from "@/lib/i18n/format";
import type { EditorReport } from "./queries";
import { instantToLocalInput } from "./time";

export type EditorSection = { key: string; was: number | null; heading: string; body: string; generated: "attendance" | "program" | null };
export type EditorFigure = { key: string; label: string; value: string; unit: string; change: string; period: string };
export type EditorDocState = {
  title: string;
  titleEn: string;
  subtitle: string;
  byline: string;
  photoCredit: string;
  tags: string;
  lead: string;
  publishAt: string;
  sections: EditorSection[];
  figures: EditorFigure[];
};
export type EditorMedia = {
  id: string;
  role: "photo" | "attachment";
  url: string;
  thumb: string;
  filename: string;
  bytes: number;
  caption: string;
  credit: string;
  sectionOrder: number | null;
  order: number;
};
export type EditorState = {
  reportId: string;
  eventId: string;
  slug: string;
  version: number;
  status: ReportStatus;
  publishedAt: string | null;
  reviewComment: string | null;
  updatedBy: string | null;
  updatedAt: string;
  timezone: string;
  doc: EditorDocState;
  media: EditorMedia[];
};

export function editorState(r: EditorReport, timezone: string): EditorState {
  return {
    reportId: r.id,
    eventId: r.eventId,
    slug: r.slug,
    version: r.version,
    status: r.status,
    publishedAt: r.publishedAt ? isoInZone(r.publishedAt, timezone) : null,
    reviewComment: r.reviewComment,
    updatedBy: r.updatedBy,
    updatedAt: isoInZone(r.updatedAt, timezone),
    timezone,
    doc: {
      title: r.title,
      titleEn: r.titleEn ?? "",
      subtitle: r.subtitle ?? "",
      byline: r.byline ?? "",
      photoCredit: r.photoCredit ?? "",
      tags: r.tags.join(", "),
      lead: r.lead,
      publishAt: instantToLocalInput(r.scheduledAt, timezone),
      sections: r.sections.map((s) => ({
        key: s.id,
        was: s.order,
        heading: s.heading,
        body: s.body,
        generated: s.generated === "attendance" || s.generated === "program" ? s.generated : null,
      })),
      figures: r.figures.map((f) => ({ key: f.id, label: f.label, value: f.value, unit: f.unit ?? "", change: f.change ?? "", period: f.period ?? "" })),
    },
    media: [...r.photos, ...r.attachments].map((m) => ({
      id: m.id,
      role: m.role,
      url: m.url,
      thumb: m.variants[0] ? `/media/${m.variants[0].key}` : m.url,
      filename: m.filename,
      bytes: m.bytes,
      caption: m.caption ?? "",
      credit: m.credit ?? "",
      sectionOrder: m.sectionOrder,
      order: m.order,
    })),
  };
}

/** The editor's doc → the save command's input. */
export function docToInput(d: EditorDocState) {
  return {
    title: d.title,
    titleEn: d.titleEn,
    subtitle: d.subtitle,
    byline: d.byline,
    photoCredit: d.photoCredit,
    tags: d.tags,
    lead: d.lead,
    publishAt: d.publishAt,
    sections: d.sections.map((s) => ({ was: s.was, heading: s.heading, body: s.body, generated: s.generated })),
    figures: d.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit, change: f.change, period: f.period })),
  };
}
