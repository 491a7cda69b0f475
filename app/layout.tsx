import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorPageTextProvider } from "@/components/i18n/error-page-text";
import { AccountMenu } from "@/components/layout/account-menu";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { islandsScriptSrc } from "@/lib/http/islands-script";
import { appUrl } from "@/lib/http/origin";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { metadataBase: new URL(appUrl()), title: { default: t("productFull"), template: `%s · ${t("product")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174c99" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("skipToContent")}
        </a>
        {/* No NextIntlClientProvider here: each route group passes its client components only the namespaces they
            read (components/i18n/client-messages.tsx); the public pages need none (issue 15). */}
        <ErrorPageTextProvider text={{ title: t("error.title"), body: t("error.body"), retry: t("error.retry") }}>
          <SiteHeader accountSlot={<AccountMenu />} />
          <main id="main" className="w-full flex-1 py-6">
            {children}
          </main>
          <SiteFooter />
        </ErrorPageTextProvider>
        {/* The islands (language switch, print, room filter): plain JavaScript, the same on every page, so public
            pages need no React on the client (public/islands.js; lib/cache/static-page.ts). Its URL carries the file's
            hash, so browsers keep it without asking again (lib/http/islands-script.ts). */}
        <script src={islandsScriptSrc()} async />
      </body>
    </html>
  );
}
