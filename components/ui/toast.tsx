"use client";
/**
 * Toasts for outcomes ("Saved", "Forum published", errors), on Radix Toast: a labelled region reachable with F8,
 * swipe or click to dismiss, timers paused on hover/focus and cleared on dismiss or unmount by Radix.
 * Errors are `type="foreground"` (announced assertively) and stay longer; other tones are announced politely.
 * Wrap a subtree in <Toaster>, then call `useToast()(text, tone)`.
 */
import * as RadixToast from "@radix-ui/react-toast";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { X } from "./icons";

type Tone = "success" | "error" | "info";
type Item = { id: number; text: string; tone: Tone };
type Show = (text: string, tone?: Tone) => void;

const ToastContext = createContext<Show>(() => {});
const MAX_SHOWN = 4;

export function useToast(): Show {
  return useContext(ToastContext);
}

export function Toaster({ children }: { children: React.ReactNode }) {
  const t = useTranslations("ui");
  const [items, setItems] = useState<Item[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const show = useCallback<Show>((text, tone = "success") => {
    const id = next.current++;
    setItems((xs) => [...xs.slice(-(MAX_SHOWN - 1)), { id, text, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider label={t("notifications")} swipeDirection="right">
        {children}
        {items.map((x) => (
          <RadixToast.Root
            key={x.id}
            type={x.tone === "error" ? "foreground" : "background"}
            duration={x.tone === "error" ? 8000 : 4000}
            onOpenChange={(open) => !open && dismiss(x.id)}
            data-testid="toast"
            data-tone={x.tone}
            className={cn(
              "pointer-events-auto flex w-full items-start gap-3 rounded-xl px-4 py-3 text-sm font-medium shadow-lg ring-1 data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=end]:translate-x-full",
              x.tone === "success" && "bg-emerald-600 text-white ring-emerald-700",
              x.tone === "error" && "bg-red-600 text-white ring-red-700",
              x.tone === "info" && "bg-slate-800 text-white ring-slate-900",
            )}
          >
            <RadixToast.Description className="min-w-0 flex-1">{x.text}</RadixToast.Description>
            <RadixToast.Close aria-label={t("dismiss")} title={t("dismiss")} className="-mr-1 rounded p-0.5 text-white/80 hover:bg-white/15 hover:text-white">
              <X aria-hidden className="h-4 w-4" />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] m-0 flex list-none flex-col items-stretch gap-2 px-4 outline-none sm:left-auto sm:right-0 sm:w-96 sm:px-6" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
