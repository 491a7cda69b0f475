/**
 * tsx turns on Node's source-map support (process.setSourceMapsEnabled), and while it is on Node keeps the parsed
 * source map of every module it loads, for the life of the process. Next's server chunks ship theirs (a .js.map next
 * to each chunk, sources included), so the server's heap held ~64 MB of maps (1,177 of them) after start-up alone —
 * half its heap (issue 15, heap snapshot). `npm run serve` turns it off before Next loads, unless asked for with
 * `--enable-source-maps` (in NODE_OPTIONS, e.g. to read a production stack trace in the original sources); stack
 * traces then point into the built chunks.
 */
export function withoutSourceMaps(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") {
  const asked = [...execArgv, ...nodeOptions.split(/\s+/)].includes("--enable-source-maps");
  if (!asked) process.setSourceMapsEnabled(false);
}
