/**
 * The embedded database's own thread (db/client.ts, docs/ARCHITECTURE.md "Embedded database"): PGlite — Postgres
 * compiled to WASM, its wire protocol and its file layer — runs here, so a busy server spends the second core on SQL
 * while the main thread renders pages and answers requests. Plain JavaScript, loaded without tsx.
 *
 * Messages from db/client.ts's PgliteWorkerClient, each with an `id` answered once by `{ id, result }` or
 * `{ id, error }`:
 *  - { op: "open", dataDir?, sharedBuffers, memoryLog? }         → opens PGlite with its own start parameters and
 *                                                                  this buffer pool (the first message);
 *  - { op: "query", sql, params, options?, txId? }               → PGlite's query (inside transaction txId if given);
 *  - { op: "exec", sql, txId? }                                  → PGlite's exec;
 *  - { op: "prepared", sql, params, options?, txId? }            → the same answer as "query", run as a named
 *                                                                  prepared statement (see runPrepared);
 *  - { op: "tx-begin", txId }                                    → answered once BEGIN ran (PGlite's own transaction
 *                                                                  lock: plain queries wait until the transaction ends);
 *  - { op: "tx-end", txId, commit }                              → COMMIT (an aborted transaction's COMMIT fails, as in
 *                                                                  PGlite) or ROLLBACK;
 *  - { op: "dump" }                                              → the data directory as a gzip tarball (ArrayBuffer);
 *  - { op: "close" }.
 * Query options cross threads as data: `rowMode`, and `raw`, the type OIDs whose values stay strings (Drizzle's
 * identity parsers for dates, timestamps, intervals and numeric arrays).
 */
import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { PGlite, parse, protocol } from "@electric-sql/pglite";

/** @type {PGlite | undefined} */
let pg;
/** txId → the transaction's inbox of messages and the waiter for the next one. */
const txs = new Map();
const ROLLBACK = Symbol("rollback");
const keep = (v) => v;

/** The identity parsers for a list of type OIDs, built once per list (Drizzle sends the same few lists every time). */
const parsersByList = new Map();
function identityParsers(raw) {
  const key = raw.join(",");
  let parsers = parsersByList.get(key);
  if (!parsers) parsersByList.set(key, (parsers = Object.fromEntries(raw.map((oid) => [oid, keep]))));
  return parsers;
}

const queryOptions = (o) => (o ? { rowMode: o.rowMode, parsers: o.raw ? identityParsers(o.raw) : undefined } : undefined);

/** A Postgres error keeps what callers test (code, constraint, detail, …): every own primitive field, and the message. */
function wireError(e) {
  const out = { name: e?.name ?? "Error", message: e?.message ?? String(e) };
  if (e && typeof e === "object") {
    for (const [k, v] of Object.entries(e)) if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = v;
  }
  return out;
}

const answer = (id, result, transfer) => parentPort.postMessage({ id, result }, transfer);
const fail = (id, e) => parentPort.postMessage({ id, error: wireError(e) });

/**
 * Named prepared statements, by statement text (at most PREPARED_MAX, the least recently used closed first). PGlite's
 * own `query` sends every statement unnamed — parse, describe, bind, describe, execute, sync: six calls into the WASM
 * engine, and Postgres parses and plans the text each time. A prepared one is parsed once; each run is one call
 * (bind + execute + sync in one buffer) with the row description kept from the prepare. Measured in-process on a
 * CTE with an update: 0.56–0.61 ms → 0.13–0.14 ms per run (BENCHMARKS.md).
 */
const PREPARED_MAX = 64;
/** @type {Map<string, { name: string, types: number[], rowDescription: unknown }>} */
const prepared = new Map();
let preparedSeq = 0;

/** The wire protocol's message writers (PGlite's own); several messages go to the engine as one buffer. */
const { serialize } = protocol;
const concat = (...messages) => Buffer.concat(messages);

/** Parse and describe `sql` as a new named statement (inside PGlite's query lock); closes the least recently used one past the cap. */
async function prepareStatement(sql) {
  const name = `huiwu_${++preparedSeq}`;
  const messages = await pg.execProtocolStream(concat(serialize.parse({ name, text: sql }), serialize.describe({ type: "S", name }), serialize.sync()), { syncToFs: false });
  const statement = { name, types: parse.parseDescribeStatementResults(messages), rowDescription: messages.find((x) => x.name === "rowDescription") };
  prepared.set(sql, statement);
  if (prepared.size > PREPARED_MAX) {
    const [oldest, { name: old }] = prepared.entries().next().value;
    prepared.delete(oldest);
    await pg.execProtocolStream(concat(serialize.close({ type: "S", name: old }), serialize.sync()), { syncToFs: false });
  }
  return statement;
}

/**
 * Postgres dropped the statement or can no longer use its plan (DEALLOCATE, or a table's columns changed under it):
 * outside a transaction, prepare again, once (inside one, the error has already aborted it).
 */
const STALE = new Set(["26000", "0A000"]);

/**
 * Runs `m.sql` as a prepared statement, answering what PGlite's `query` answers (rows parsed by the same parsers and
 * options). Inside a transaction (`inTx`) PGlite's transaction lock is already held by it; otherwise it is taken, as
 * `query` does, so the statement never runs inside another caller's transaction.
 */
function runPrepared(m, inTx) {
  const once = async (retry) => {
    let statement = prepared.get(m.sql);
    if (statement) {
      prepared.delete(m.sql); // most recently used last
      prepared.set(m.sql, statement);
    } else statement = await prepareStatement(m.sql);
    const values = (m.params ?? []).map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = pg.serializers[statement.types[i]];
      return serializer ? serializer(v) : v.toString();
    });
    let messages;
    try {
      messages = await pg.execProtocolStream(concat(serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()), { syncToFs: false });
    } catch (e) {
      if (retry && !inTx && STALE.has(e?.code)) {
        prepared.delete(m.sql);
        return once(false);
      }
      throw Object.assign(e, { query: m.sql, params: m.params });
    }
    return parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, pg.parsers, queryOptions(m.options))[0];
  };
  const locked = () => pg.runExclusive(() => once(true));
  if (inTx) return locked();
  return pg._runExclusiveTransaction(async () => {
    const result = await locked();
    await pg.syncToFs();
    return result;
  });
}

async function run(target, m, inTx) {
  if (m.op === "query") return target.query(m.sql, m.params, queryOptions(m.options));
  if (m.op === "exec") return target.exec(m.sql);
  if (m.op === "prepared") return runPrepared(m, inTx);
  throw new Error(`pglite worker: unknown operation ${m.op}`);
}

function inbox(txId) {
  let box = txs.get(txId);
  if (!box) txs.set(txId, (box = { queue: [], wake: null }));
  return box;
}

function nextMessage(txId) {
  const box = inbox(txId);
  if (box.queue.length) return Promise.resolve(box.queue.shift());
  return new Promise((resolve) => (box.wake = resolve));
}

function deliver(m) {
  const box = inbox(m.txId);
  if (box.wake) {
    const wake = box.wake;
    box.wake = null;
    wake(m);
  } else box.queue.push(m);
}

function beginTransaction(begin) {
  let end;
  pg.transaction(async (tx) => {
    answer(begin.id, true);
    for (;;) {
      const m = await nextMessage(begin.txId);
      if (m.op === "tx-end") {
        end = m;
        if (m.commit) return;
        throw ROLLBACK;
      }
      try {
        answer(m.id, await run(tx, m, true));
      } catch (e) {
        fail(m.id, e);
      }
    }
  }).then(
    () => answer(end.id, true),
    (e) => {
      if (e === ROLLBACK) answer(end.id, true);
      else if (end) fail(end.id, e); // COMMIT of an aborted transaction, or ROLLBACK failed
      else fail(begin.id, e); // BEGIN itself failed
    },
  ).finally(() => txs.delete(begin.txId));
}

/** `memoryLog` (HUIWU_MEMORY_LOG, set by `npm run bench`): this thread's own memory every 250 ms, tagged `thread: "pglite"`. */
function logMemory(file) {
  setInterval(() => {
    const wasm = pg?.mod?.HEAPU8?.byteLength ?? 0; // the WASM memory (Postgres's heap and shared_buffers); it never shrinks
    fs.appendFile(file, JSON.stringify({ t: Date.now(), thread: "pglite", ...process.memoryUsage(), wasm }) + "\n", () => {});
  }, 250).unref();
}

parentPort.on("message", (m) => {
  if (m.op === "open") {
    if (m.memoryLog) logMemory(m.memoryLog);
    const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${m.sharedBuffers}`];
    PGlite.create(m.dataDir ? { dataDir: m.dataDir, startParams } : { startParams }).then(
      (db) => {
        pg = db;
        answer(m.id, true);
      },
      (e) => fail(m.id, e),
    );
    return;
  }
  if (!pg) return fail(m.id, new Error("pglite worker: not open"));
  if (m.txId !== undefined && m.op !== "tx-begin") return deliver(m);
  switch (m.op) {
    case "tx-begin":
      return beginTransaction(m);
    case "dump":
      return pg
        .dumpDataDir("gzip")
        .then((blob) => blob.arrayBuffer())
        .then((buf) => answer(m.id, buf, [buf]), (e) => fail(m.id, e));
    case "close":
      return pg.close().then(() => answer(m.id, true), (e) => fail(m.id, e));
    default:
      return run(pg, m, false).then((r) => answer(m.id, r), (e) => fail(m.id, e));
  }
});
