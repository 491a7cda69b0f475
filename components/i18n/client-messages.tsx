/**
 * The messages the client components below it may read (`useTranslations` in a "use client" file). Each route group
 * passes only what its client islands use (lib/i18n/pick.ts), so a page's HTML and flight data carry those namespaces
 * instead of the whole catalogue; `all` is for the console and account pages, whose forms use most of it. Server
 * components translate with `getTranslations` and need nothing here.
 */
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[] | "all"; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={namespaces === "all" ? messages : pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
