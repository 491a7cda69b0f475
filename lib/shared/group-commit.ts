/**
 * Group commit: requests on the same key (e.g. one forum) within this process are run in batches, one batch at a
 * time. The first request starts a batch at once, alone; whatever arrives while it runs waits and forms the next
 * batch (at most `max`), and so on until the queue is empty. Nothing waits for a timer: a lone request costs what it
 * did, a rush pays one transaction per batch instead of one per request.
 *
 * `run` settles a batch in two steps: the promise it returns resolves when the next batch may start (the batch's
 * transaction is committed), with one promise per item (in order) for that item's own outcome. `owner` scopes the
 * queues (the database handle: tests open several in one process).
 */
export function groupCommit<Owner extends object, Item, Result>(
  max: number,
  run: (owner: Owner, key: string, batch: Item[]) => Promise<Promise<Result>[]>,
): (owner: Owner, key: string, item: Item) => Promise<Result> {
  const queues = new WeakMap<Owner, Map<string, { item: Item; settle: (r: Promise<Result>) => void }[]>>();
  return (owner, key, item) =>
    new Promise<Result>((resolve) => {
      let byKey = queues.get(owner);
      if (!byKey) queues.set(owner, (byKey = new Map()));
      const waiting = byKey.get(key);
      if (waiting) {
        waiting.push({ item, settle: resolve });
        return;
      }
      const queue = [{ item, settle: resolve }];
      byKey.set(key, queue);
      const keys = byKey;
      void (async () => {
        while (queue.length) {
          const batch = queue.splice(0, max);
          try {
            const outcomes = await run(owner, key, batch.map((b) => b.item));
            batch.forEach((b, i) => b.settle(outcomes[i]));
          } catch (e) {
            for (const b of batch) b.settle(Promise.reject(e));
          }
        }
        keys.delete(key); // same tick as the last length check: no item can slip in between
      })();
    });
}
