/** What the benchmark measures; each measure returns table rows. */
import type { Load, Target } from "./lib";

export type Row = { metric: string; value: string; target?: string; pass?: boolean; note?: string };
export type Ctx = {
  url: string;
  target: Target;
  duration: number;
  connections: number;
  load: (url: string, opts?: { connections?: number; duration?: number; headers?: Record<string, string> }) => Promise<Load>;
};
export type Measure = { name: string; run: (ctx: Ctx) => Promise<Row[]> };

const YANTAN = "yantan-industrial-parks-2025";
const fmt = (l: Load) => `${l.rps} req/s, p50 ${l.p50} ms, p97.5 ${l.p97_5} ms, errors ${l.errors + l.non2xx}`;

const publicPages: Measure = {
  name: "public pages vs static baseline",
  async run({ url, duration, connections, load }) {
    const opts = { duration, connections };
    const base = await load(`${url}/robots.txt`, opts);
    const rows: Row[] = [{ metric: "static baseline (/robots.txt)", value: fmt(base) }];
    for (const [label, path] of [
      ["forum page", `/events/${YANTAN}`],
      ["agenda page", `/events/${YANTAN}/agenda`],
      ["forum API", `/api/v1/events/${YANTAN}`],
    ] as const) {
      const l = await load(`${url}${path}`, opts);
      const ratio = l.rps / base.rps;
      rows.push({ metric: label, value: fmt(l), target: "≥ 0.8 × static, p95 < 50 ms", pass: ratio >= 0.8 && l.p97_5 < 50, note: `ratio ${ratio.toFixed(2)}` });
    }
    return rows;
  },
};

export const measures: Measure[] = [publicPages];
