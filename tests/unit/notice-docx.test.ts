import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { noticeDocx } from "@/lib/delegations/notice-docx";
import { fillPlaceholders, generateNotice, paragraphs, unitNotice, type NoticeSource } from "@/lib/delegations/notice-text";
import { noticeGenT } from "@/lib/delegations/docs-i18n";
import { readQrCodes } from "../fixtures/qr";

const src: NoticeSource = {
  title: "产业园区赋能县域经济高质量发展座谈会",
  titleEn: "Symposium on Industrial Parks and County Economies",
  summary: "",
  summaryEn: null,
  audience: "省直有关部门、各市（州）及县（市、区）分管负责同志，产业园区负责人。",
  audienceEn: null,
  startsAt: new Date("2025-09-05T01:00:00Z"),
  endsAt: new Date("2025-09-05T09:30:00Z"),
  timezone: "Asia/Shanghai",
  city: "自贡市沿滩区",
  cityEn: "Yantan, Zigong",
  venueName: "沿滩区会议中心",
  venueNameEn: null,
  venueAddress: null,
  venueAddressEn: null,
  hosts: [
    { role: "co_host", name: "四川省人民政府参事室", nameEn: null },
    { role: "co_host", name: "自贡市人民政府", nameEn: null },
    { role: "organizer", name: "自贡市沿滩区人民政府", nameEn: null },
  ],
  sessions: [
    { title: "现场考察", titleEn: null, startsAt: new Date("2025-09-05T01:00:00Z"), endsAt: new Date("2025-09-05T04:00:00Z"), location: "自贡食品产业园", locationEn: null },
    { title: "座谈会", titleEn: null, startsAt: new Date("2025-09-05T06:30:00Z"), endsAt: new Date("2025-09-05T09:30:00Z"), location: null, locationEn: null },
  ],
  contacts: [{ name: "王会务", email: "office@example.cn" }],
};

const t = noticeGenT;

async function documentXml(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return { zip, xml: await zip.file("word/document.xml")!.async("string") };
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

describe("the notice (会议通知)", () => {
  it("is generated from the forum: title, co-hosts by role, time, place, agenda, attendees, quota and contacts", () => {
    const n = generateNotice(src, t("zh-CN"), "zh-CN", new Date("2025-08-20T02:00:00Z"));
    expect(n.title).toBe("关于召开产业园区赋能县域经济高质量发展座谈会的通知");
    expect(n.body).toContain("联合主办：四川省人民政府参事室、自贡市人民政府");
    expect(n.body).toContain("承办：自贡市沿滩区人民政府");
    expect(n.body).toContain("09:00–12:00　现场考察（自贡食品产业园）");
    expect(n.body).toContain("{{quota}}");
    expect(n.body).toContain("{{replyLink}}");
    expect(n.body).toContain("王会务");
    expect(n.signature).toBe("四川省人民政府参事室\n自贡市人民政府");
    expect(n.issuedOn).toBe("2025年8月20日");
    const kinds = paragraphs(n.body).map((p) => p.kind);
    expect(kinds[0]).toBe("salutation");
    expect(kinds.filter((k) => k === "h1")).toHaveLength(7);
    expect(kinds.filter((k) => k === "h2")).toHaveLength(2);
    const en = generateNotice(src, t("en"), "en", new Date("2025-08-20T02:00:00Z"));
    expect(en.title).toBe("Notice of the Symposium on Industrial Parks and County Economies");
    expect(paragraphs(en.body)[0].kind).toBe("salutation");
  });

  it("fills each unit's name, quota, reply-by and link; the generic copy leaves blanks", () => {
    const body = "{{unit}}：\n请选派{{quota}}名同志，于{{replyBy}}前填报：{{replyLink}}";
    expect(fillPlaceholders(body, { unit: "四川省经济和信息化厅", quota: 3, replyBy: "8月30日", replyLink: "https://x/reply/abc" })).toBe("四川省经济和信息化厅：\n请选派3名同志，于8月30日前填报：https://x/reply/abc");
    expect(fillPlaceholders(body, null)).not.toMatch(/\{\{/);
  });

  it("downloads as a DOCX that names the unit, its quota and its reply link (with a QR that decodes to it), GB/T 9704 page", async () => {
    const n = generateNotice(src, t("zh-CN"), "zh-CN", new Date("2025-08-20T02:00:00Z"));
    const link = "https://huiwu.example.cn/reply/Zk3v9Q0sWm1pX7aB2cD4eF";
    const copy = { unit: "四川省发展和改革委员会", quota: 4, replyBy: "2025年8月30日 18:00", replyLink: link };
    const other = { unit: "宜宾市人民政府", quota: 2, replyBy: "2025年8月30日 18:00", replyLink: "https://huiwu.example.cn/reply/other" };
    const buf = await noticeDocx(
      [copy, other].map((c) => ({ notice: unitNotice(n, c), replyLink: c.replyLink, labels: { attachmentQr: "扫码填报回执" } })),
      { title: n.title, creator: "Huiwu" },
    );
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    const { zip, xml } = await documentXml(buf);
    const text = textOf(xml);
    expect(text).toContain("四川省发展和改革委员会：");
    expect(text).toContain("请贵单位确定4名同志参会，并于2025年8月30日 18:00前填报参会回执");
    expect(text).toContain(link);
    expect(text).toContain("宜宾市人民政府：");
    expect(text).not.toContain("{{");
    // one section (page run) per unit; A4 with the GB/T 9704 margins in twips (37/35/28/26 mm)
    const sects = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    for (const s of sects) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(s).toMatch(/w:top="2098"/);
      expect(s).toMatch(/w:bottom="1984"/);
      expect(s).toMatch(/w:left="1587"/);
      expect(s).toMatch(/w:right="1474"/);
    }
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:sz w:val="32"\/>/); // 3号 = 16 pt
    // the first copy's QR decodes to that unit's link
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/")).sort();
    expect(media.length).toBe(2);
    const decoded = await Promise.all(
      media.map(async (f) => (await readQrCodes(await zip.file(f)!.async("uint8array")))[0]),
    );
    expect(decoded.sort()).toEqual([link, other.replyLink].sort());
  });
});
