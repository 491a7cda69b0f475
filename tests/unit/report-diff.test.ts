import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/reports/diff";

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
});
