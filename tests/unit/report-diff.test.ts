import { describe, expect, it } from "vitest";
import { collapseSame, diffSnapshots } from "@/lib/reports/diff";

describe("revision diff", () => {
  it("marks changed characters within a changed line, keeps the rest", () => {
    const a = { title: "座谈会举行", lead: "200余人参加", sections: [{ heading: "一", body: "营业收入246.23亿元" }] };
    const b = { title: "座谈会举行", lead: "200余人参加", sections: [{ heading: "一", body: "营业收入246.24亿元" }] };
    const d = diffSnapshots(a, b);
    expect(d.filter((p) => p.kind === "removed").map((p) => p.text).join("")).toBe("3");
    expect(d.filter((p) => p.kind === "added").map((p) => p.text).join("")).toBe("4");
    expect(d.map((p) => (p.kind === "added" ? "" : p.text)).join("")).toContain("200余人参加");
  });
  it("no changes → only same parts", () => {
    const a = { title: "T", sections: [] };
    expect(diffSnapshots(a, a).every((p) => p.kind === "same")).toBe(true);
  });

  it("collapses long unchanged stretches to context lines", () => {
    const body = Array.from({ length: 20 }, (_, i) => `第${i}段`).join("\n\n");
    const a = { title: "T", sections: [{ heading: "一", body }] };
    const b = { title: "T", sections: [{ heading: "一", body: body.replace("第10段", "第十段") }] };
    const c = collapseSame(diffSnapshots(a, b));
    const text = c.map((p) => p.text).join("");
    expect(text).toContain("⋯");
    expect(text).not.toContain("第1段");
    expect(text).toContain("第9段");
    expect(c.some((p) => p.kind === "added" && p.text.includes("十"))).toBe(true);
  });
});
