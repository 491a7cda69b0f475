import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown, sanitize } from "@/lib/shared/report-html";
import { unsafeBits, XSS_PAYLOADS } from "../fixtures/xss-corpus";

describe("report Markdown → safe HTML", () => {
  it("has at least 30 payloads", () => expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30));

  it("the checker itself catches unsafe HTML", () => {
    expect(unsafeBits('<p onclick="x()">a</p>')).toHaveLength(1);
    expect(unsafeBits("<script>x</script>")).toHaveLength(2);
    expect(unsafeBits('<a href="javascript:x()">a</a>')).toHaveLength(1);
    expect(unsafeBits("<p>&lt;script&gt;</p>")).toEqual([]);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))("payload %i is rendered inert", (_n, payload) => {
    for (const wrap of [payload, `para\n\n${payload}\n\nafter`, `- ${payload}`, `> ${payload}`]) {
      const html = renderMarkdown(wrap);
      expect(unsafeBits(html), html).toEqual([]);
      expect(html).not.toMatch(/<(script|iframe|svg|object|embed|style|math)/i);
      expect(sanitize(html)).toBe(html); // already a fixed point of the sanitizer
    }
  });

  it("keeps ordinary Markdown: headings, emphasis, lists, tables, safe links, site images", () => {
    const html = renderMarkdown(
      "## 小标题\n\n**粗体** 和 *斜体*\n\n- 一\n- 二\n\n| a | b |\n| - | -: |\n| 1 | 2 |\n\n[链接](https://example.com/x) ![图](/media/AbCdEfGhIjKlMnOpQrStUv)",
    );
    expect(html).toContain("<h2>小标题</h2>");
    expect(html).toContain("<strong>粗体</strong>");
    expect(html).toContain("<li>一</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain('src="/media/AbCdEfGhIjKlMnOpQrStUv"');
  });

  it("drops images from other hosts and demotes h1", () => {
    const html = renderMarkdown("# T\n\n![t](https://tracker.example/p.gif)");
    expect(html).toContain("<h2>T</h2>");
    expect(html).not.toContain("tracker.example");
  });

  it("replaces {{fig:N}} with the figure, escaped", () => {
    const html = renderMarkdown("营收 {{fig:1}},未知 {{fig:9}}", [{ value: "246.23", unit: "亿元" }]);
    expect(html).toContain('<span class="inline-figure">246.23 亿元</span>');
    expect(html).toContain("{{fig:9}}");
    expect(renderMarkdown("{{fig:1}}", [{ value: "<img src=x onerror=alert(1)>", unit: null }])).not.toMatch(/<img/);
  });

  it("{{fig:N}} is substituted before sanitizing: never inside an attribute, quoting intact (issue 12 item 11)", () => {
    const figures = [{ value: '1" onmouseover="alert(1)', unit: null }];
    const html = renderMarkdown('[link](https://example.com/ "title {{fig:1}}") and ![alt {{fig:1}}](/media/AAAAAAAAAAAAAAAAAAAAAA) text {{fig:1}}', figures);
    // Parse what a browser would parse: every element keeps exactly its allowed attributes.
    const attrs: { tag: string; names: string[] }[] = [];
    new Parser({ onopentag: (tag, a) => attrs.push({ tag, names: Object.keys(a).sort() }) }).end(html);
    expect(attrs.filter((a) => a.tag === "a")).toEqual([{ tag: "a", names: ["href", "rel", "title"] }]);
    expect(attrs.filter((a) => a.tag === "img")).toEqual([{ tag: "img", names: ["alt", "src"] }]);
    expect(attrs.filter((a) => a.tag === "span")).toEqual([{ tag: "span", names: ["class"] }]); // only the one in the text
    expect(unsafeBits(html)).toEqual([]);
    expect(html).toContain('title="title {{fig:1}}"'); // not substituted inside an attribute
    expect(html).toContain('text <span class="inline-figure">1" onmouseover="alert(1)</span></p>'); // text, not markup
    // a figure in a code span stays literal; in emphasis it is substituted
    expect(renderMarkdown("`{{fig:1}}` *{{fig:1}}*", [{ value: "7", unit: "项" }])).toBe('<p><code>{{fig:1}}</code> <em><span class="inline-figure">7 项</span></em></p>\n');
  });

  it("plain text for feeds and descriptions", () => {
    expect(markdownToText("**a** <script>x()</script> b")).toBe("a b");
  });
});
