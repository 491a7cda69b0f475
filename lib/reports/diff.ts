/** Revision diffs: a snapshot as plain text, then a line diff refined to characters (CJK has no word breaks). Pure. */
import { diffChars, diffLines } from "diff";
import { bodyToText, type ReportFormat } from "@/lib/shared/report-html";

export type SnapshotLike = {
  title?: string;
  subtitle?: string | null;
  byline?: string | null;
  photoCredit?: string | null;
  tags?: string[];
  lead?: string;
  /** Missing in snapshots taken before the rich-text editor: Markdown. */
  leadFormat?: ReportFormat;
  sections?: { heading: string; body: string; format?: ReportFormat }[];
  figures?: { label: string; value: string; unit?: string | null; change?: string | null; period?: string | null }[];
};

/**
 * The snapshot as the text a reader sees (a body's HTML or Markdown reduced to its text, one line per block, figures
 * filled in), so a diff shows changed words, not markup — and converting a legacy Markdown report changes nothing.
 */
export function snapshotText(s: SnapshotLike): string {
  const refs = { figures: (s.figures ?? []).map((f) => ({ value: f.value, unit: f.unit ?? null })) };
  const text = (body: string, format: ReportFormat | undefined) => bodyToText(body, format ?? "markdown", refs, { lines: true });
  const out = [`# ${s.title ?? ""}`];
  if (s.subtitle) out.push(`副标题: ${s.subtitle}`);
  if (s.byline) out.push(`署名: ${s.byline}`);
  if (s.photoCredit) out.push(`图片: ${s.photoCredit}`);
  if (s.tags?.length) out.push(`标签: ${s.tags.join(", ")}`);
  out.push("", text(s.lead ?? "", s.leadFormat));
  for (const sec of s.sections ?? []) out.push("", `## ${sec.heading}`, "", text(sec.body, sec.format));
  if (s.figures?.length) {
    out.push("", "## 关键数据");
    for (const f of s.figures) out.push(`- ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.change ? ` ${f.change}` : ""}${f.period ? ` (${f.period})` : ""}`);
  }
  return out.join("\n");
}

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function diffSnapshots(from: SnapshotLike, to: SnapshotLike): DiffPart[] {
  const parts = diffLines(snapshotText(from), snapshotText(to));
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (p.removed && next?.added) {
      for (const c of diffChars(p.value, next.value)) out.push({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value });
      i++;
    } else out.push({ kind: p.added ? "added" : p.removed ? "removed" : "same", text: p.value });
  }
  return out;
}

/** Shorten long unchanged stretches to a few lines of context around the changes ("⋯" marks what is hidden). */
export function collapseSame(parts: DiffPart[], context = 2): DiffPart[] {
  /** How many lines from the start (or end) hold `context` non-empty lines. */
  const span = (lines: string[], fromEnd: boolean) => {
    let seen = 0;
    for (let k = 0; k < lines.length; k++) {
      if (lines[fromEnd ? lines.length - 1 - k : k].trim()) seen++;
      if (seen >= context) return k + 1;
    }
    return lines.length;
  };
  return parts.map((p, i) => {
    if (p.kind !== "same") return p;
    const lines = p.text.split("\n");
    const head = i === 0 ? 0 : span(lines, false);
    const tail = i === parts.length - 1 ? 0 : span(lines, true);
    if (lines.length <= head + tail + 1) return p;
    return { kind: "same", text: [...lines.slice(0, head), "⋯", ...lines.slice(lines.length - tail)].join("\n") };
  });
}
