/** HTTP helpers the bench stages share (measures.ts, growth-measure.ts): sign-in, bearer tokens, timed requests. */

export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function token(url: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!r.ok) throw new Error(`token for ${email}: ${r.status} ${await r.text()}`);
  return (await r.json()).token;
}

/** Signs in through Auth.js's credentials endpoint and returns the Cookie header of the session. */
/**
 * fetch, once more on a connection lost before any answer ("fetch failed"): a pooled keep-alive socket the server
 * closed while the bench's event loop was blocked (a measure before ran its child process synchronously) is found
 * closed only when reused — PGlite run 2 of 2026-12-02 lost the seating editor's sign-in so, with the server alive.
 */
async function fetchAgain(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return fetch(input, init);
  }
}

export async function sessionCookie(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetchAgain(`${url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const r = await fetchAgain(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: url }),
  });
  const session = r.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return [...jar, session].join("; ");
}

export async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const r = await fn();
  const body = await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status, bytes: body.byteLength };
}

