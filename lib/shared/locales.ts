/** The interface languages: zh-CN is the default, en is complete (DESIGN §3.6). Client-safe; db/schema uses it too. */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
