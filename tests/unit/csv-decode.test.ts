/**
 * GBK / GB18030 CSV files (what Excel on a Chinese Windows saves) decode with the platform's TextDecoder — no
 * iconv-lite. The fixtures are real bytes: guests-gbk.csv as CP936 (two-byte), guests-gb18030.csv with GB18030's
 * four-byte characters (CJK Extension A and B in rare names and company names) and full-width forms.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv } from "@/lib/registrations/csv";

const bytes = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));

describe("CSV decoding", () => {
  it("GBK (CP936) from Excel", () => {
    const { text, encoding } = decodeCsv(bytes("guests-gbk.csv"));
    expect(encoding).toBe("gb18030");
    expect(text).toBe("姓名;邮箱;单位;类别\r\n张伟;zw@example.com;自贡市沿滩区人民政府;政府\r\n\r\n李娜;ln@example.com;四川大学;专家\r\n王芳;wf@example.com;凯盛新能源;企业\r\n");
  });

  it("GB18030 four-byte characters and full-width forms", () => {
    const { text, encoding } = decodeCsv(bytes("guests-gb18030.csv"));
    expect(encoding).toBe("gb18030");
    expect(parseCsv(text).map((r) => r.fields)).toEqual([
      ["姓名", "单位"],
      ["龚䶮", "𠮷野家(成都)有限公司"],
      ["欧阳€", "Ｆｕｌｌ－ｗｉｄｔｈ　公司"],
    ]);
  });

  it("UTF-8 stays UTF-8 (with or without BOM); UTF-16 by its BOM", () => {
    const s = "姓名,单位\n张伟,四川大学\n";
    expect(decodeCsv(new TextEncoder().encode(s))).toEqual({ text: s, encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toEqual({ text: s, encoding: "utf-8" });
    const le = new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(le)).toEqual({ text: s, encoding: "utf-16le" });
  });
});
