"use client";
/**
 * Toasts for outcomes ("Saved", "Forum published", errors). Wrap a subtree in <Toaster>, call useToast()(text, tone).
 * Announced politely to screen readers; each disappears after a few seconds or on click.
 */
import { createContext, useCallback, useContext, useRef, useState } from "react";
import { cn } from "@/lib/cn";

type Tone = "success" | "error" | "info";
type Item = { id: number; text: string; tone: Tone };
type Show = (text: string, tone?: Tone) => void;

const ToastContext = createContext<Show>(() => {});

export function useToast(): Show {
  return useContext(ToastContext);
}

export function Toaster({ children }: { children: React.ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const show = useCallback<Show>(
    (text, tone = "success") => {
      const id = next.current++;
      setItems((xs) => [...xs.slice(-3), { id, text, tone }]);
      setTimeout(() => dismiss(id), tone === "error" ? 7000 : 3500);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex flex-col items-center gap-2 px-4 sm:items-end sm:px-6">
        {items.map((t) => (
          <button
            type="button"
            key={t.id}
            onClick={() => dismiss(t.id)}
            data-testid="toast"
            data-tone={t.tone}
            className={cn(
              "pointer-events-auto w-full max-w-sm rounded-xl px-4 py-3 text-left text-sm font-medium shadow-lg ring-1",
              t.tone === "success" && "bg-emerald-600 text-white ring-emerald-700",
              t.tone === "error" && "bg-red-600 text-white ring-red-700",
              t.tone === "info" && "bg-slate-800 text-white ring-slate-900",
            )}
          >
            {t.text}
          </button>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
