/**
 * Post-event reports (issue 6) on PGlite and Postgres: drafted from the forum, optimistic locking with who/when,
 * revisions and restore, the workflow and its guards, scheduled publishing, uploads through the route, media serving,
 * sanitized output with the source kept, the read API.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { checkins, events, media, mediaBlobs, registrations, reportMedia, reportRevisions, reports, reportSections, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { YANTAN_REPORT_SLUG } from "@/db/seed/yantan";
import type { Actor } from "@/lib/auth/permissions";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { docx, htmlAsJpg, jpegWithGps, pdf } from "../fixtures/files";

const who: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => who.actor }));

const actions = await import("@/lib/reports/actions");
const { POST: upload } = await import("@/app/api/v1/reports/[slug]/media/route");
const { GET: getReportApi } = await import("@/app/api/v1/reports/[slug]/route");
const { GET: getMedia } = await import("@/app/media/[key]/route");
const { publicReportList, publicReportDetail } = await import("@/lib/reports/queries");
const { docToInput } = await import("@/lib/reports/editor-state");

const uploadReq = (slug: string, body: Buffer, q: string, headers: Record<string, string> = {}) =>
  upload(new Request(`http://x/api/v1/reports/${slug}/media?${q}`, { method: "POST", body: new Uint8Array(body), headers: { "x-huiwu-upload": "1", ...headers } }), {
    params: Promise.resolve({ slug }),
  });
const mediaReq = (key: string) => getMedia(new Request(`http://x/media/${key}`), { params: Promise.resolve({ key }) });

describe.each(testEngines())("reports on %s", (engine) => {
  let h: DbHandle;
  let eventId: string;
  let organizer: Actor, staff: Actor, attendee: Actor;
  const as = (u: typeof users.$inferSelect): Actor => ({ id: u.id, siteRole: u.siteRole, name: u.name, email: u.email });
  const run = <T,>(a: Actor | null, fn: () => Promise<T>) => {
    who.actor = a;
    return fn();
  };

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const byEmail = async (e: string) => as((await h.db.select().from(users).where(eq(users.email, e)))[0]);
    organizer = await byEmail("organizer@huiwu.demo");
    staff = await byEmail("staff@huiwu.demo");
    attendee = await byEmail("attendee@huiwu.demo");
  });
  afterAll(() => h?.close());

  async function newReport() {
    const r = await run(staff, () => actions.createReportAction({ eventId }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    return r.ok ? r.data! : null!;
  }
  const state = async (reportId: string) => {
    const r = await run(staff, () => actions.loadReportStateAction({ eventId, reportId }));
    if (!r.ok) throw new Error(r.error);
    return r.data!;
  };

  it("drafts itself from the forum: co-hosts, who spoke on what, attendance numbers equal to the registrations", async () => {
    const { id } = await newReport();
    const s = await state(id);
    expect(s.status).toBe("draft");
    const program = s.doc.sections.find((x) => x.generated === "program")!;
    // the co-hosts are in the lede (news prose: tests/db/report-draft.test.ts); no empty section is drafted
    for (const name of ["四川省人民政府参事室", "自贡市人民政府", "四川新闻网传媒集团", "四川省县域经济学会"]) expect(s.doc.lead).toContain(name);
    expect(s.doc.lead).toContain("联合主办");
    expect(s.doc.sections.every((x) => x.body.trim())).toBe(true);
    for (const name of ["唐利民", "赵德本", "戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴"]) expect(program.body).toContain(name);
    expect(program.body).toContain("自贡食品产业园");

    const [{ n: confirmed }] = await h.db.select({ n: count() }).from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
    const [{ n: attended }] = await h.db
      .select({ n: sql<number>`count(distinct ${checkins.registrationId})::int` })
      .from(checkins)
      .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
    const att = s.doc.sections.find((x) => x.generated === "attendance")!;
    // stored as the editor's HTML (the draft's Markdown converted): bold numbers, a real table
    expect(att.body).toContain(`确认报名 <strong>${confirmed}</strong> 人`);
    expect(att.body).toContain(`签到出席 <strong>${attended}</strong> 人`);
    expect(att.body).toMatch(/<td>专家学者<\/td>\s*<td align="right">\d+<\/td>\s*<td align="right">\d+<\/td>/);
    expect(att.body).toContain("现场考察");
  });

  it("refresh recomputes the attendance block after a new check-in", async () => {
    const { id } = await newReport();
    const before = await state(id);
    const [reg] = await h.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"), sql`not exists (select 1 from checkins c where c.registration_id = ${registrations.id})`))
      .limit(1);
    await h.db.insert(checkins).values({ registrationId: reg.id, eventId, segment: "symposium" });
    const r = await run(staff, () => actions.refreshGeneratedAction({ eventId, reportId: id, version: before.version }));
    expect(r.ok).toBe(true);
    const after = await state(id);
    const n = (b: string) => Number(/签到出席 <strong>(\d+)<\/strong>/.exec(b)![1]);
    expect(n(after.doc.sections.find((x) => x.generated === "attendance")!.body)).toBe(n(before.doc.sections.find((x) => x.generated === "attendance")!.body) + 1);
    await h.db.delete(checkins).where(eq(checkins.registrationId, reg.id));
  });

  it("optimistic locking: the second save of the same version is refused naming who and when; nothing is overwritten", async () => {
    const { id } = await newReport();
    const s = await state(id);
    const mine = { ...docToInput(s.doc), sections: [{ was: 3, heading: "A", body: "组织者的文字 A", generated: null }] };
    const theirs = { ...docToInput(s.doc), sections: [{ was: 3, heading: "B", body: "员工的文字 B", generated: null }] };
    const first = await run(organizer, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...mine }));
    expect(first).toMatchObject({ ok: true, data: { version: s.version + 1 } });
    const second = await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...theirs }));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.code).toBe("conflict");
    expect(second.conflict?.by).toBe(organizer.name);
    expect(second.conflict?.at).toMatch(/^\d{2}:\d{2}$/);
    expect(second.error).toBe(`${organizer.name} 已于 ${second.conflict!.at} 修改——请重新加载或合并。未覆盖任何内容。`); // zh-CN, the default
    const rows = await h.db.select({ body: reportSections.body }).from(reportSections).where(eq(reportSections.reportId, id));
    expect(rows.map((r) => r.body)).toEqual(["组织者的文字 A"]);
    // Merge: save again on top of the latest version keeps both texts.
    const latest = await state(id);
    const merged = await run(staff, () =>
      actions.saveReportAction({ eventId, reportId: id, version: latest.version, ...theirs, sections: [{ was: 1, heading: "A+B", body: "组织者的文字 A\n\n员工的文字 B" }] }),
    );
    expect(merged.ok).toBe(true);
    const revs = await h.db.select({ v: reportRevisions.version }).from(reportRevisions).where(eq(reportRevisions.reportId, id));
    expect(revs.map((r) => r.v).sort()).toEqual([1, 2, 3]);
  });

  it("reordering sections: photos placed in a section follow it; a removed section's photos go to the gallery", async () => {
    const { id, slug } = await newReport();
    who.actor = staff;
    const up = await (await uploadReq(slug, await jpegWithGps(800, 600), "role=photo&section=2")).json();
    const s = await state(id);
    const [a, b] = s.doc.sections;
    // new order: b, a  (b was 2 → 1)
    const sections = [b, a].map((x) => ({ was: x.was, heading: x.heading, body: x.body, generated: x.generated }));
    expect(await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...docToInput(s.doc), sections }))).toMatchObject({ ok: true });
    const placed = async () => (await h.db.select({ o: reportMedia.sectionOrder }).from(reportMedia).where(eq(reportMedia.id, up.reportMediaId)))[0].o;
    expect(await placed()).toBe(1);
    const s2 = await state(id);
    const without = s2.doc.sections.slice(1).map((x) => ({ was: x.was, heading: x.heading, body: x.body, generated: x.generated }));
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s2.version, ...docToInput(s2.doc), sections: without }));
    expect(await placed()).toBeNull();
  });

  it("revisions: restore an earlier version as a new one", async () => {
    const { id } = await newReport();
    const s = await state(id);
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...docToInput(s.doc), title: "改过的标题" }));
    const r = await run(staff, () => actions.restoreRevisionAction({ eventId, reportId: id, version: s.version + 1, revision: 1 }));
    expect(r).toMatchObject({ ok: true, data: { version: s.version + 2 } });
    const after = await state(id);
    expect(after.doc.title).toBe(s.doc.title);
    expect(after.doc.sections.map((x) => x.body)).toEqual(s.doc.sections.map((x) => x.body));
  });

  it("workflow: staff submit; staff cannot publish; organizer returns with a comment, then publishes; unpublish", async () => {
    const { id, slug } = await newReport();
    let v = (await state(id)).version;
    // publishing without a title → field error
    const s0 = await state(id);
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: v, ...docToInput(s0.doc), title: "" }));
    v++;
    const noTitle = await run(staff, () => actions.submitReportAction({ eventId, reportId: id, version: v }));
    expect(noTitle).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: [expect.any(String)] } });
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: v, ...docToInput(s0.doc), title: "测试报道" }));
    v++;
    expect(await run(staff, () => actions.submitReportAction({ eventId, reportId: id, version: v }))).toMatchObject({ ok: true, data: { status: "in_review" } });
    v++;
    expect(await run(staff, () => actions.publishReportAction({ eventId, reportId: id, version: v }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run(attendee, () => actions.saveReportAction({ eventId, reportId: id, version: v, ...docToInput(s0.doc) }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run(null, () => actions.createReportAction({ eventId }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await run(organizer, () => actions.returnReportAction({ eventId, reportId: id, version: v, comment: "请补充现场照片" }))).toMatchObject({ ok: true, data: { status: "draft" } });
    v++;
    expect((await state(id)).reviewComment).toBe("请补充现场照片");
    expect(await run(organizer, () => actions.publishReportAction({ eventId, reportId: id, version: v }))).toMatchObject({ ok: true, data: { status: "published" } });
    v++;
    expect((await publicReportList(h.db)).map((r) => r.slug)).toContain(slug);
    // a published report is live: staff cannot change it without review, an organizer can
    const live = await state(id);
    expect(await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: v, ...docToInput(live.doc), title: "员工直接改已发布" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await state(id)).doc.title).toBe("测试报道");
    expect(await run(organizer, () => actions.saveReportAction({ eventId, reportId: id, version: v, ...docToInput(live.doc), title: "组织者更正标题" }))).toMatchObject({ ok: true });
    v++;
    expect(await run(organizer, () => actions.unpublishReportAction({ eventId, reportId: id, version: v }))).toMatchObject({ ok: true, data: { status: "draft" } });
    expect((await publicReportList(h.db)).map((r) => r.slug)).not.toContain(slug);
  });

  it("scheduled publishing: a future publish date keeps it off the public side until then", async () => {
    const { id, slug } = await newReport();
    const s = await state(id);
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...docToInput(s.doc), publishAt: "2099-01-01T09:00" }));
    const p = await run(organizer, () => actions.publishReportAction({ eventId, reportId: id, version: s.version + 1 }));
    expect(p.ok).toBe(true);
    const [row] = await h.db.select({ publishedAt: reports.publishedAt, status: reports.status }).from(reports).where(eq(reports.id, id));
    expect(row.status).toBe("published");
    expect(row.publishedAt!.toISOString()).toBe("2099-01-01T01:00:00.000Z"); // 09:00 in Asia/Shanghai
    expect(await publicReportDetail(h.db, slug)).toBeNull();
    await h.db.update(reports).set({ publishedAt: new Date(Date.now() - 1000) }).where(eq(reports.id, id)); // time passes
    expect(await publicReportDetail(h.db, slug)).not.toBeNull();
  });

  it("another forum's report cannot be touched through this forum's scope (no IDOR)", async () => {
    const [other] = await h.db.insert(events).values({ slug: `other-${engine}`, title: "另一个论坛", startsAt: new Date(), endsAt: new Date(), status: "published" }).returning({ id: events.id });
    const { id } = await newReport();
    const s = await state(id);
    // organizer of the Yantan forum, but claiming the other forum's scope → forbidden; right scope, wrong report → not found
    expect(await run(organizer, () => actions.saveReportAction({ eventId: other.id, reportId: id, version: s.version, ...docToInput(s.doc) }))).toMatchObject({ ok: false, code: "forbidden" });
    const admin = as((await h.db.select().from(users).where(eq(users.email, "admin@huiwu.demo")))[0]);
    expect(await run(admin, () => actions.saveReportAction({ eventId: other.id, reportId: id, version: s.version, ...docToInput(s.doc), title: "hijack" }))).toMatchObject({ ok: false, code: "not_found" });
    expect((await state(id)).doc.title).toBe(s.doc.title);
  });

  it("photos of a published report: staff can neither add, edit nor remove them; an organizer can (issue 12 item 5)", async () => {
    const { id, slug } = await newReport();
    who.actor = staff;
    const up = await (await uploadReq(slug, await jpegWithGps(400, 300), "role=photo&caption=%E5%88%9D%E7%A8%BF")).json();
    const [rm] = await h.db.select({ id: reportMedia.id, caption: reportMedia.caption }).from(reportMedia).innerJoin(media, eq(media.id, reportMedia.mediaId)).where(eq(media.storageKey, up.key));
    const v = (await state(id)).version;
    expect(await run(organizer, () => actions.publishReportAction({ eventId, reportId: id, version: v }))).toMatchObject({ ok: true, data: { status: "published" } });
    const mediaCount = async () => (await h.db.select({ n: count() }).from(reportMedia).where(eq(reportMedia.reportId, id)))[0].n;

    who.actor = staff;
    expect((await uploadReq(slug, await jpegWithGps(400, 300), "role=photo")).status).toBe(403);
    expect(await mediaCount()).toBe(1);
    expect(await run(staff, () => actions.updateMediaAction({ eventId, reportId: id, reportMediaId: rm.id, caption: "员工改说明", credit: null, sectionOrder: null, order: 1 }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await h.db.select({ caption: reportMedia.caption }).from(reportMedia).where(eq(reportMedia.id, rm.id)))[0].caption).toBe(rm.caption);
    expect(await run(staff, () => actions.removeMediaAction({ eventId, reportId: id, reportMediaId: rm.id }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await mediaCount()).toBe(1);

    who.actor = organizer;
    expect((await uploadReq(slug, await jpegWithGps(400, 300), "role=photo")).status).toBe(201);
    expect(await run(organizer, () => actions.removeMediaAction({ eventId, reportId: id, reportMediaId: rm.id }))).toMatchObject({ ok: true });
  });

  it("uploads through the route: refusals with clear reasons; an accepted JPEG is re-encoded without GPS; served with safe headers", async () => {
    const { id, slug } = await newReport();
    who.actor = null;
    expect((await uploadReq(slug, pdf(), "role=attachment")).status).toBe(401);
    who.actor = attendee;
    expect((await uploadReq(slug, pdf(), "role=attachment")).status).toBe(403);
    who.actor = staff;
    const before = (await h.db.select({ n: count() }).from(media))[0].n;

    const html = await uploadReq(slug, htmlAsJpg(), "role=photo", { "x-filename": "photo.jpg", "content-type": "image/jpeg" });
    expect(html.status).toBe(415);
    expect(await html.json()).toMatchObject({ reason: "unsupported" });

    // 200 MB declared: refused from Content-Length; the body is never pulled.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const big = await upload(
      new Request(`http://x/api/v1/reports/${slug}/media?role=attachment`, {
        method: "POST",
        body,
        headers: { "x-huiwu-upload": "1", "content-length": String(200 * 1024 * 1024) },
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ slug }) },
    );
    expect(big.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(2);

    expect((await uploadReq(slug, pdf(), "role=photo")).status).toBe(415); // a PDF is not a photo
    expect((await uploadReq(slug, pdf(), "role=attachment", { "x-huiwu-upload": "" })).status).toBe(400); // no CSRF header
    expect((await h.db.select({ n: count() }).from(media))[0].n).toBe(before);

    const ok = await uploadReq(slug, await jpegWithGps(), "role=photo&caption=%E7%8E%B0%E5%9C%BA&credit=%E5%AD%A6%E4%BC%9A", { "x-filename": encodeURIComponent("现场.jpg") });
    expect(ok.status).toBe(201);
    const photo = await ok.json();
    expect(photo).toMatchObject({ mime: "image/jpeg", width: 1600, height: 1200, filename: "现场.jpg" });
    const blob = (await h.db.select({ data: mediaBlobs.data }).from(mediaBlobs).where(eq(mediaBlobs.key, photo.key)))[0].data;
    expect(blob.toString("latin1")).not.toMatch(/GPS-9000|TestCam|Exif/);

    const att = await (await uploadReq(slug, docx(), "role=attachment", { "x-filename": encodeURIComponent("实践报告.docx") })).json();

    // Not public yet: staff of the forum may see it, anonymous may not.
    who.actor = null;
    expect((await mediaReq(photo.key)).status).toBe(404);
    who.actor = staff;
    const priv = await mediaReq(photo.key);
    expect(priv.status).toBe(200);
    expect(priv.headers.get("cache-control")).toBe("private, no-store");

    // Published: public, long-cached, nosniff; attachments download with their name.
    await h.db.update(reports).set({ status: "published", publishedAt: new Date(Date.now() - 1000) }).where(eq(reports.id, id));
    who.actor = null;
    const pub = await mediaReq(photo.key);
    expect(pub.status).toBe(200);
    expect(pub.headers.get("content-type")).toBe("image/jpeg");
    expect(pub.headers.get("x-content-type-options")).toBe("nosniff");
    expect(pub.headers.get("cache-control")).toContain("max-age=31536000");
    expect((await mediaReq(`${photo.key}.w640`)).headers.get("content-type")).toBe("image/webp");
    const dl = await mediaReq(att.key);
    expect(dl.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''%E5%AE%9E/);
    expect((await mediaReq("not-a-key")).status).toBe(404);

    // The API lists them.
    const api = await (await getReportApi(new Request("http://x"), { params: Promise.resolve({ slug }) })).json();
    expect(api.photos).toEqual([{ url: `/media/${photo.key}`, caption: "现场", credit: "学会" }]);
    expect(api.attachments).toEqual([{ name: "实践报告.docx", url: `/media/${att.key}`, bytes: att.bytes }]);

    // Removing the photo deletes its blobs too (the report is published by now, so an organizer does it).
    const [rm] = await h.db.select({ id: reportMedia.id }).from(reportMedia).innerJoin(media, eq(media.id, reportMedia.mediaId)).where(eq(media.storageKey, photo.key));
    expect(await run(organizer, () => actions.removeMediaAction({ eventId, reportId: id, reportMediaId: rm.id }))).toMatchObject({ ok: true });
    expect(await h.db.select().from(mediaBlobs).where(inArray(mediaBlobs.key, [photo.key, `${photo.key}.w640`]))).toEqual([]);
  });

  it("HTML is sanitized on save and again on output (API, preview)", async () => {
    const { id, slug } = await newReport();
    const s = await state(id);
    const evil = `<p>正文 <script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a></p>`;
    await run(staff, () => actions.saveReportAction({ eventId, reportId: id, version: s.version, ...docToInput(s.doc), lead: evil, sections: [{ heading: "S", body: evil }] }));
    const [lead] = await h.db.select({ lead: reports.lead, f: reports.leadFormat }).from(reports).where(eq(reports.id, id));
    expect(lead.f).toBe("html");
    expect(lead.lead).toBe('<p>正文   <a rel="nofollow noopener noreferrer">x</a></p>');
    const stored = (await h.db.select({ body: reportSections.body, format: reportSections.format }).from(reportSections).where(eq(reportSections.reportId, id)))[0];
    expect(stored.format).toBe("html");
    expect(stored.body).toContain("正文");
    expect(stored.body).not.toMatch(/<script|onerror|javascript:/i);
    // a payload written straight into the table (not through the save) is still inert on output
    await h.db.update(reportSections).set({ body: `<p>正文</p>${evil}<a href="javascript:alert(4)">y</a><p onclick="alert(5)">z</p>` }).where(eq(reportSections.reportId, id));
    await h.db.update(reports).set({ status: "published", publishedAt: new Date(Date.now() - 1000) }).where(eq(reports.id, id));
    const api = await (await getReportApi(new Request("http://x"), { params: Promise.resolve({ slug }) })).json();
    expect(api.sections[0].html).toContain("正文");
    expect(api.sections[0].html).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(api.lead).toBe('<p>正文   <a rel="nofollow noopener noreferrer">x</a></p>');
    const preview = await run(staff, () => actions.previewAction({ eventId, body: evil }));
    expect(preview.ok && preview.data).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("the seeded Yantan report through the API: three sections, figures, byline, date in the forum's zone", async () => {
    const res = await getReportApi(new Request("http://x"), { params: Promise.resolve({ slug: YANTAN_REPORT_SLUG }) });
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r).toMatchObject({
      slug: YANTAN_REPORT_SLUG,
      title: "产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行",
      byline: "川网传媒记者 邓柯",
      photoCredit: "图片由四川省县域经济学会提供",
      publishedAt: "2025-09-06T10:00:00+08:00",
      event: { slug: YANTAN_SLUG, title: "产业园区赋能县域经济高质量发展座谈会" },
    });
    expect(r.sections.map((s: { heading: string }) => s.heading)).toEqual(["一次好评满满的实地调研", "一份含金量十足的实践报告", "一次媒体推动的智慧赋能"]);
    expect(r.figures[0]).toEqual({ label: "2024年营业收入", value: "246.23", unit: "亿元", change: "+20.56%", period: "2024" });
    expect(r.tags).toContain("自贡市");
    expect((await getReportApi(new Request("http://x"), { params: Promise.resolve({ slug: "nope" }) })).status).toBe(404);
  });
});
