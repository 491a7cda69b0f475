"use client";
/** Debounced search through a server action; only the latest answer is kept. Empty query → no results. */
import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

export function useSearch<T>(q: string, search: (term: string) => Promise<ActionResult<T[]>>): [T[], (v: T[]) => void] {
  const [found, setFound] = useState<T[]>([]);
  const seq = useRef(0);
  const fn = useRef(search);
  useEffect(() => {
    fn.current = search;
  });
  useEffect(() => {
    const term = q.trim();
    if (!term) return;
    const id = ++seq.current;
    const timer = setTimeout(async () => {
      const r = await fn.current(term);
      if (id === seq.current && r.ok) setFound(r.data ?? []);
    }, 200);
    return () => clearTimeout(timer);
  }, [q]);
  return [q.trim() ? found : [], setFound];
}
