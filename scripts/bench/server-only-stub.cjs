// Preload for bench stages that run domain modules in plain Node (profile-registration.ts, seating-hall.ts): lets server-only modules load in plain Node (as Vitest's alias does) without
// the react-server condition, under which next-intl's translator cannot load.
const Module = process.getBuiltinModule("node:module");
const path = process.getBuiltinModule("node:path");
const empty = path.resolve(__dirname, "../../tests/fixtures/empty.ts");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? empty : request, ...rest);
};
