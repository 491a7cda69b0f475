/**
 * Who is the client? Only the custom HTTP server's front (scripts/lib/http-server.ts) sees the socket, so it
 * decides here, once per request, and hands Next a single-entry `X-Forwarded-For` with the answer; everything behind it
 * (`ipFromHeaders` in lib/auth/request-info.ts: rate limits, audit log) reads that. Forwarding headers a client sent
 * itself are believed only from the hops TRUST_PROXY names:
 *
 * - unset: nobody is a proxy. The client is the socket address; X-Forwarded-For/-Proto/-Host from outside are dropped.
 * - a hop count N: the N nearest hops are our proxies (e.g. 1 behind one nginx): the client is the N-th address from
 *   the right of "X-Forwarded-For, socket address".
 * - a list of CIDRs/IPs: walk from the socket address leftwards while the address is in the list.
 *
 * Pure (no server-only): the start-up script imports it without the react-server condition.
 */
import { BlockList, isIP } from "node:net";
import { env, type TrustProxy } from "@/lib/env";

export type { TrustProxy };

/** Parse a TRUST_PROXY value the way lib/env.ts does (used by tests; the server reads `env.TRUST_PROXY`). */
export function parseTrustProxy(v: string | undefined): TrustProxy {
  const s = v?.trim();
  if (!s) return { kind: "none" };
  if (/^\d+$/.test(s)) return { kind: "hops", hops: Number(s) };
  const cidrs = s.split(",").map((c) => c.trim()).filter(Boolean);
  for (const c of cidrs) if (!isIP(c.split("/")[0])) throw new Error(`TRUST_PROXY: expected a hop count or comma-separated CIDRs (bad: ${c})`);
  return { kind: "cidrs", cidrs };
}

export function trustProxyFromEnv(): TrustProxy {
  return env.TRUST_PROXY;
}

const plain = (ip: string) => ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

const lists = new Map<string, BlockList>();
function blockList(cidrs: string[]): BlockList {
  const k = cidrs.join(",");
  let list = lists.get(k);
  if (!list) {
    list = new BlockList();
    for (const c of cidrs) {
      const [addr, bits] = c.split("/");
      const type = isIP(addr) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(addr, type);
      else list.addSubnet(addr, Number(bits), type);
    }
    lists.set(k, list);
  }
  return list;
}

function trusted(list: BlockList, ip: string): boolean {
  const v = isIP(ip);
  return v !== 0 && list.check(ip, v === 6 ? "ipv6" : "ipv4");
}

/**
 * The client address and whether the nearest hop is a trusted proxy (only then may X-Forwarded-Proto/-Host be
 * believed). `socket` is the TCP peer; `xff` the X-Forwarded-For header as received.
 */
export function resolveClient(socket: string | undefined, xff: string | undefined, trust: TrustProxy): { ip: string; viaProxy: boolean } {
  const peer = plain(socket ?? "") || "unknown";
  if (trust.kind === "none" || (trust.kind === "hops" && trust.hops <= 0)) return { ip: peer, viaProxy: false };
  const chain = [...(xff ?? "").split(",").map(plain).filter(Boolean), peer];
  if (trust.kind === "hops") return { ip: chain[Math.max(0, chain.length - 1 - trust.hops)], viaProxy: true };
  const list = blockList(trust.cidrs);
  if (!trusted(list, peer)) return { ip: peer, viaProxy: false };
  let i = chain.length - 1;
  while (i > 0 && trusted(list, chain[i])) i--;
  return { ip: chain[i], viaProxy: true };
}
