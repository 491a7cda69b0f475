/**
 * The part of the message catalogue that a route group's client components read (issue 15: the whole catalogue,
 * ~39 KB, was serialized into every page). Paths are namespaces as `useTranslations` takes them: "registration" or
 * "events.parallel"; the result keeps the nesting, so `useTranslations("events.parallel")` works unchanged. Pure.
 */
type Tree = { [key: string]: unknown };

export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === "object" ? (from as Tree)[k] : undefined;
    if (from === undefined) throw new Error(`pickMessages: no namespace "${path}" in the catalogue`);
    let to = out;
    // copy each level on the way down: the catalogue itself is shared by every request and never mutated
    for (const k of keys.slice(0, -1)) to = to[k] = { ...((to[k] as Tree | undefined) ?? {}) };
    to[keys[keys.length - 1]] = from;
  }
  return out;
}
