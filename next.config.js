// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build dirs let several builds (tests, benchmarks) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native / WASM packages must be required at run time, never bundled (PGlite also must not open during build).
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@node-rs/argon2", "sharp", "pino"],
  poweredByHeader: false,
  // Metadata always in <head>, never streamed into <body> after the shell: the page cache serves one body to every
  // client, crawlers and link previews included, and html-validate requires <title> in <head>. With PGlite in its
  // own thread a page's generateMetadata can resolve after the shell is flushed, which moved the speaker page's
  // <title>/<meta> into <body> (tests/e2e/html-validate.spec.ts caught it).
  htmlLimitedBots: /.*/,
  // public/islands.js asked for by its content hash (`?v=`, lib/http/islands-script.ts, the root layout's only script
  // on an anonymous page): a year, immutable — a new file gets a new URL. Asked for without `?v=` it keeps Next's
  // default for public files (max-age=0). Next's file server leaves a Cache-Control already set alone.
  async headers() {
    return [{ source: "/islands.js", has: [{ type: "query", key: "v" }], headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] }];
  },
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the type gate; skip the duplicate pass in `next build`
  experimental: {
    // Next reads a server action's whole body before the action's permission check runs, so actions take small
    // forms only. Files go to upload routes that check the caller first and cap the body while streaming
    // (lib/storage/upload.ts readUploadBody; issue 12 item 7).
    serverActions: { bodySizeLimit: "1mb" },
    // forbidden() → app/forbidden.tsx with status 403 (lib/auth/page-guard.ts)
    authInterrupts: true,
  },
};

module.exports = withNextIntl(nextConfig);
