/**
 * Vitest setup (registered in vitest.config.mts): next/headers and next/cache only work inside a Next.js request, so
 * tests get stand-ins:
 *  - headers() / cookies() read the fake request of tests/fixtures/request.ts (`withRequest`, `asActor`), or an
 *    empty request outside one;
 *  - revalidateTag / revalidatePath / updateTag / refresh are recorded in `cacheCalls`; cacheTag / cacheLife no-ops.
 * "@/lib/auth/actor" is NOT mocked here: a test opts in with
 *    vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
 */
import { vi } from "vitest";

vi.mock("next/headers", async () => {
  const { currentFakeRequest } = await import("../fixtures/request");
  const jar = () => {
    const req = currentFakeRequest();
    const store = req?.cookies ?? new Map<string, string>();
    return {
      get: (name: string) => (store.has(name) ? { name, value: store.get(name)! } : undefined),
      getAll: () => [...store].map(([name, value]) => ({ name, value })),
      has: (name: string) => store.has(name),
      set: (name: string | { name: string; value: string }, value?: string) => {
        if (typeof name === "object") store.set(name.name, name.value);
        else store.set(name, value ?? "");
      },
      delete: (name: string) => store.delete(name),
      toString: () => [...store].map(([k, v]) => `${k}=${v}`).join("; "),
    };
  };
  return {
    headers: async () => currentFakeRequest()?.headers ?? new Headers(),
    cookies: async () => jar(),
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
});

vi.mock("next/cache", async () => {
  const { cacheCalls } = await import("../fixtures/request");
  const record =
    (fn: string) =>
    (...args: unknown[]) => {
      cacheCalls.push({ fn, args });
    };
  return {
    revalidateTag: record("revalidateTag"),
    revalidatePath: record("revalidatePath"),
    updateTag: record("updateTag"),
    refresh: record("refresh"),
    cacheTag: () => {},
    cacheLife: () => {},
    unstable_noStore: () => {},
    unstable_cache: <T,>(fn: T) => fn,
  };
});
