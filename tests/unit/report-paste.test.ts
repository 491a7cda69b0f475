/** Paste from Word and WeChat (issue 13 item 6): structure kept, junk dropped, and nothing unsafe survives. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderStoredHtml, sanitizeStored } from "@/lib/shared/report-html";
import { cleanPastedHtml } from "@/lib/reports/paste";
import { unsafeBits, XSS_PAYLOADS } from "../fixtures/xss-corpus";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/paste", name), "utf8");
const JUNK = /mso-|<o:p|<v:|<w:|class=|style=|<span|<font|<section|<div|lang=|data-|<!--|<img|<p><\/p>|<p><br><\/p>/i;

describe("paste from Word", () => {
  const html = cleanPastedHtml(fixture("word.html"));
  it("keeps headings, paragraphs, bold/italic, links and the table", () => {
    expect(html).toContain("<h2>座谈会纪要</h2>"); // h1 → h2: the page owns the one h1
    expect(html).toContain("<p>9月5日，座谈会在<strong>自贡市沿滩区</strong>举行，<em>200</em>余人参会。</p>");
    expect(html).toContain("<h2>一、主要议程</h2>");
    expect(html).toContain('<a href="https://www.scnews.example/report">报告全文</a>');
    expect(html).toMatch(/<table><tr><td><p><strong>类别<\/strong><\/p><\/td><td><p><strong>人数<\/strong><\/p><\/td><\/tr><tr><td colspan="1"><p>企业<\/p><\/td><td><p>12<\/p><\/td><\/tr><\/table>/);
  });
  it("turns Word's mso-list paragraphs into real nested lists, numbered or bulleted by their bullet, bullets dropped", () => {
    expect(html).toContain("<ol><li><p>现场考察</p><ul><li><p>自贡食品产业园</p></li></ul></li><li><p>报告发布</p></li></ol>");
    expect(html).not.toMatch(/1\.|Ø/);
  });
  it("drops the junk: Office tags, styles, classes, spans, empty paragraphs, local images, javascript: links", () => {
    expect(html).not.toMatch(JUNK);
    expect(html).not.toContain("javascript:");
    expect(html).toContain("，或点此。"); // the unsafe link's text stays
    expect(html).not.toContain("file:///");
  });
  it("is already what the server stores (a fixed point of the sanitizer, apart from its own attribute forms)", () => {
    expect(sanitizeStored(html).replace(/ \/>/g, ">").replace(/ rel="nofollow noopener noreferrer"/g, "")).toBe(html);
  });
});

describe("paste from a WeChat article", () => {
  const html = cleanPastedHtml(fixture("wechat.html"));
  it("unwraps the nested <section>s into paragraphs; styled bold becomes <strong>; lists kept", () => {
    expect(html).toBe(
      "<p>9月5日，产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行。</p>" +
        "<p><strong>一次好评满满的实地调研</strong></p>" +
        "<p>与会代表实地参观了<strong>自贡食品产业园</strong>等地。</p>" +
        "<p>▲与会代表参观考察</p>" +
        "<ul><li><p>营业收入<strong>246.23亿元</strong></p></li><li><p>技改投资13.42亿元</p></li></ul>" +
        '<p>来源：<a href="https://mp.weixin.qq.com/s/AbCdEf">四川新闻网</a></p>',
    );
  });
  it("drops WeChat's images (mmbiz.qpic.cn), spacers, hidden blocks and mp-style tags", () => {
    expect(html).not.toMatch(JUNK);
    expect(html).not.toContain("mmbiz");
    expect(html).not.toContain("mp-style");
  });
});

describe("pasted HTML with XSS payloads", () => {
  it("keeps images of this site only", () => {
    expect(cleanPastedHtml('<p>a<img src="/media/AbCdEfGhIjKlMnOpQrStUv" alt="x" onerror="y()"><img src="https://evil.example/a.png"></p>')).toBe(
      '<p>a<img src="/media/AbCdEfGhIjKlMnOpQrStUv" alt="x"></p>',
    );
  });
  it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))("payload %i: inert after the paste cleaner, after the save sanitizer and after render", (_n, payload) => {
    for (const wrap of [payload, `<p>para</p>${payload}<p>after</p>`, `<section><span style="font-weight:bold">${payload}</span></section>`, `<table><tr><td>${payload}</td></tr></table>`]) {
      const pasted = cleanPastedHtml(wrap);
      expect(unsafeBits(pasted), pasted).toEqual([]);
      expect(pasted).not.toMatch(/<(script|iframe|svg|object|embed|style|math)/i);
      const stored = sanitizeStored(wrap); // a client that skips the cleaner: the save path alone
      expect(unsafeBits(stored), stored).toEqual([]);
      const rendered = renderStoredHtml(stored, { figures: [{ value: payload, unit: payload }] });
      expect(unsafeBits(rendered), rendered).toEqual([]);
      expect(rendered).not.toMatch(/<(script|iframe|svg|object|embed|style|math)/i);
    }
  });
});
