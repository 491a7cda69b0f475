import { publicRoute } from "@/lib/actions/route";
import { originOf } from "@/lib/http/origin";
import { isoInZone } from "@/lib/i18n/format";
import { publicReportDetail, publicReportList } from "@/lib/reports/queries";
import { renderedReport } from "@/lib/reports/serialize";

export const dynamic = "force-dynamic";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** GET /reports/feed.xml: Atom feed of the latest published reports, full sanitized content. */
export const GET = publicRoute("the public Atom feed of published reports", {}, async ({ db, req }) => {
  const origin = originOf(req); // APP_URL, else a trusted proxy's host — never the listen address or a client's Host
  const list = await publicReportList(db, { limit: 30 });
  const entries = [];
  for (const item of list) {
    const r = await publicReportDetail(db, item.slug);
    if (!r || !r.publishedAt) continue;
    const tz = r.event.timezone;
    const body = renderedReport(r);
    const abs = (html: string) => html.replace(/(src|href)="\/(?!\/)/g, `$1="${origin}/`);
    const html = abs(
      [body.lead, ...body.sections.map((s) => `${s.heading ? `<h2>${esc(s.heading)}</h2>` : ""}${s.html}`)].join("\n"),
    );
    const url = `${origin}/reports/${r.slug}`;
    entries.push(`  <entry>
  <id>${esc(url)}</id>
  <title>${esc(r.title)}</title>
  <link rel="alternate" type="text/html" href="${esc(url)}"/>
  <published>${isoInZone(r.publishedAt, tz)}</published>
  <updated>${isoInZone(r.updatedAt > r.publishedAt ? r.updatedAt : r.publishedAt, tz)}</updated>
  ${r.byline ? `<author><name>${esc(r.byline)}</name></author>` : `<author><name>Huiwu</name></author>`}
${r.tags.map((tag) => `    <category term="${esc(tag)}"/>`).join("\n")}
  <content type="html">${esc(html)}</content>
  </entry>`);
  }
  const updated = list[0]?.publishedAt ? list[0].publishedAt.toISOString() : new Date(0).toISOString();
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${esc(origin)}/reports</id>
  <title>会务 Huiwu · 会后报道</title>
  <link rel="self" type="application/atom+xml" href="${esc(origin)}/reports/feed.xml"/>
  <link rel="alternate" type="text/html" href="${esc(origin)}/reports"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
});
