"use client";
/**
 * The texts of app/error.tsx, translated by the root layout (server) and handed down through a context: the error
 * page is a client component on every page, and reading them with `useTranslations` would load next-intl's client
 * runtime and message formatter (~13 KB gzipped) on public pages that otherwise need none (issue 15).
 */
import { createContext, useContext } from "react";

export type ErrorPageText = { title: string; body: string; retry: string };

const Ctx = createContext<ErrorPageText | null>(null);

export function ErrorPageTextProvider({ text, children }: { text: ErrorPageText; children: React.ReactNode }) {
  return <Ctx.Provider value={text}>{children}</Ctx.Provider>;
}

export function useErrorPageText(): ErrorPageText {
  const text = useContext(Ctx);
  if (!text) throw new Error("useErrorPageText: no ErrorPageTextProvider above (app/layout.tsx provides it)");
  return text;
}
