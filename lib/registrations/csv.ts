/**
 * CSV reading and writing, no dependencies. Pure: safe in tests and scripts.
 *  - decode: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK (what Excel on a Chinese Windows saves),
 *    with the platform's TextDecoder (WHATWG Encoding; Node's full ICU) — tests/unit/csv-decode.test.ts;
 *  - parse: RFC 4180 (quoted fields, "" escapes, CRLF/LF, newlines inside quotes), blank lines skipped, each record
 *    keeps the file line it starts on so errors can name it.
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

export type CsvRecord = { line: number; fields: string[] };

/** Parse CSV text into records; delimiter guessed from the first line (comma, semicolon or tab). */
export function parseCsv(text: string): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delim = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const out: CsvRecord[] = [];
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let line = 1;
  let startLine = 1;
  let sawQuote = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== "" || sawQuote) out.push({ line: startLine, fields });
    fields = [];
    field = "";
    sawQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === "") {
      inQuotes = true;
      sawQuote = true;
      field = "";
    } else if (c === delim) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      startLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) endRecord();
  // drop records whose every field is blank (",,,," lines from spreadsheets)
  return out.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/** One CSV field: quoted when it holds a delimiter, quote or newline; a formula-like leading =+-@ is neutralised (CSV injection), numbers and phone numbers are not. */
export function csvField(v: unknown): string {
  if (v == null) return "";
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][\d\s().-]*$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
