/**
 * The figures of the growth stage, over HTTP against the production server, as measures.ts takes them: each a median
 * (or p50) in ms, so one value per measure and size. Only loopback traffic; every loop is bounded.
 */
import { MEASURED_SLUG } from "./growth-seed";
import { percentile, sessionCookie, timed, token } from "./http";

export const MEASURES = [
  { key: "listFirst", label: "registration list, first page" },
  { key: "listFiltered", label: "registration list, filtered + searched" },
  { key: "listPage100", label: "registration list, page 100 by name" },
  { key: "exportCsv", label: "export CSV (10,000 rows)" },
  { key: "exportXlsx", label: "export XLSX (10,000 rows)" },
  { key: "dashboard", label: "organizer dashboard (/admin)" },
  { key: "overview", label: "forum console overview" },
  { key: "checkin", label: "check-in by ticket code" },
  { key: "agendaCached", label: "agenda page, cached" },
  { key: "agendaUncached", label: "agenda page, rendered per request" },
  { key: "forumUncached", label: "forum page (seats left), rendered per request" },
] as const;
export type MeasureKey = (typeof MEASURES)[number]["key"];
export type Figures = Record<MeasureKey, number>;

/** Median of `n` sequential GETs after one warm-up; any non-200 fails the measure. */
async function medianGet(label: string, n: number, get: () => Promise<Response>): Promise<number> {
  const runs = [];
  for (let i = 0; i <= n; i++) runs.push(await timed(get));
  if (runs.some((r) => r.status !== 200)) throw new Error(`${label}: HTTP ${runs.map((r) => r.status).join(",")}`);
  return percentile(runs.slice(1).map((r) => r.ms), 50);
}

export type Session = { cookie: string; bearer: string };

export async function signIn(url: string): Promise<Session> {
  const [cookie, bearer] = await Promise.all([
    sessionCookie(url, "organizer@huiwu.demo", "huiwu-organizer-2025"),
    token(url, "organizer@huiwu.demo", "huiwu-organizer-2025"),
  ]);
  return { cookie, bearer };
}

type Get = { key: MeasureKey; n: number; get: () => Promise<Response> };

/** The figures taken as the median of sequential GETs, each with its number of runs. */
function pageGets(url: string, s: Session): Get[] {
  const signed = (p: string) => () => fetch(`${url}${p}`, { headers: { cookie: s.cookie } });
  const anonymous = (p: string, headers: Record<string, string> = {}) => () => fetch(`${url}${p}`, { headers: { "accept-encoding": "gzip", ...headers } });
  const list = `/admin/events/${MEASURED_SLUG}/registrations`;
  const agenda = `/events/${MEASURED_SLUG}/agenda`;
  // the bench's cache bypass (measures.ts "rendered per request"): a session cookie, even an invalid one, skips the cache
  const bypass = { cookie: "authjs.session-token=bench-not-a-session" };
  return [
    { key: "listFirst", n: 7, get: signed(list) },
    { key: "listFiltered", n: 7, get: signed(`${list}?status=confirmed&category=park&q=${encodeURIComponent("代表1")}`) },
    { key: "listPage100", n: 7, get: signed(`${list}?page=100&sort=fullName&dir=asc`) },
    { key: "exportCsv", n: 3, get: signed(`${list}/export?format=csv`) },
    { key: "exportXlsx", n: 3, get: signed(`${list}/export?format=xlsx`) },
    { key: "dashboard", n: 7, get: signed("/admin") },
    { key: "overview", n: 7, get: signed(`/admin/events/${MEASURED_SLUG}`) },
    { key: "agendaCached", n: 300, get: anonymous(agenda) },
    { key: "agendaUncached", n: 25, get: anonymous(agenda, bypass) },
    { key: "forumUncached", n: 25, get: anonymous(`/events/${MEASURED_SLUG}`, bypass) },
  ];
}

/** Scans each ticket once (one desk); returns each scan's latency. */
async function scan(url: string, s: Session, codes: string[]): Promise<number[]> {
  const lat: number[] = [];
  for (const code of codes) {
    const r = await timed(() =>
      fetch(`${url}/api/v1/checkins`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.bearer}`, "content-type": "application/json" },
        body: JSON.stringify({ ticketCode: code, segment: "site_visit" }),
      }),
    );
    if (r.status !== 200) throw new Error(`check-in: HTTP ${r.status}`);
    lat.push(r.ms);
  }
  return lat;
}

/**
 * A freshly started server compiles its routes on first use and its JIT warms over many more: without this pass the
 * first size would look slow and hide growth. `codes`: tickets kept for it.
 */
export async function warmUp(url: string, s: Session, codes: string[]): Promise<void> {
  for (const g of pageGets(url, s)) for (let i = 0; i < Math.min(g.n, 5); i++) await (await g.get()).arrayBuffer();
  await scan(url, s, codes);
}

/** Every figure at the current size. `codes`: tickets of the measured forum not scanned before. */
export async function measureAll(url: string, s: Session, codes: string[]): Promise<Figures> {
  const f: Partial<Figures> = {};
  for (const g of pageGets(url, s)) f[g.key] = await medianGet(g.key, g.n, g.get);
  f.checkin = percentile((await scan(url, s, codes)).slice(5), 50); // the first scans warm the route up
  return f as Figures;
}
