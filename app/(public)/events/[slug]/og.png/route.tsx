import { ImageResponse } from "next/og";
import { publicRoute } from "@/lib/actions/route";
import { loadPublicEvent } from "@/lib/events/loaders";
import { slugParams } from "@/lib/http/params";
import { formatEventWhen } from "@/lib/i18n/format";
import { cjkFont } from "@/lib/og/cjk-font";

export const dynamic = "force-dynamic";

/**
 * GET /events/{slug}/og.png: the forum's share image (og:image), 1200×630 — its Chinese title (and the English one
 * under it when there is one), date and place, drawn by next/og with a CJK font read from disk (lib/og/cjk-font.ts).
 * Published forums only; a draft's image is a 404 like its page.
 */
export const GET = publicRoute("a published forum's share image", { params: slugParams }, async ({ params }) => {
  const event = await loadPublicEvent(params.slug);
  if (!event) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const font = await cjkFont();
  const when = formatEventWhen(event.startsAt, event.endsAt, event.timezone, "zh-CN");
  const where = [event.city, event.venueName].filter(Boolean).join(" · ");
  const title = event.title.length > 48 ? `${[...event.title].slice(0, 47).join("")}…` : event.title;
  return new ImageResponse(
    (
      <div style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", padding: "70px 80px", color: "#ffffff", background: "linear-gradient(135deg, #0f2f5f 0%, #174c99 100%)", fontFamily: "CJK" }}>
        <div style={{ display: "flex", fontSize: 30, color: "#d9eaff" }}>会务 Huiwu</div>
        <div style={{ display: "flex", flexGrow: 1, flexDirection: "column", justifyContent: "center" }}>
          <div style={{ display: "flex", fontSize: title.length > 24 ? 56 : 68, fontWeight: 700, lineHeight: 1.25 }}>{title}</div>
          {event.titleEn ? <div style={{ display: "flex", marginTop: 18, fontSize: 30, color: "#d9eaff" }}>{event.titleEn.slice(0, 90)}</div> : null}
        </div>
        <div style={{ display: "flex", fontSize: 32, color: "#fcd34d" }}>{when}</div>
        {where ? <div style={{ display: "flex", marginTop: 8, fontSize: 28, color: "#d9eaff" }}>{where}</div> : null}
      </div>
    ),
    {
      width: 1200,
      height: 630,
      fonts: font ? [{ name: "CJK", data: font, weight: 700, style: "normal" }] : undefined,
      headers: { "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" },
    },
  );
});
