/**
 * URLs of stored images (pure, client-safe). A stored image has its re-encoded main file and the variants made at
 * upload (lib/storage/limits.ts: w640, w1280, WebP), each under its own key, served by /media/{key}.
 */
export type StoredImage = {
  storageKey: string;
  width: number | null;
  height: number | null;
  variants: { key: string; width: number; height: number }[];
};

/** One rendition of a stored image, with the size for the img element's width/height (no layout shift). */
export type Photo = { url: string; width: number; height: number };

/** Public URL of a stored file or variant. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/**
 * The smallest rendition at least `minWidth` pixels wide (the main file when no variant is), so a 160 px portrait
 * does not download a 2560 px original. Null without a usable size.
 */
export function photoAt(m: StoredImage | null | undefined, minWidth: number): Photo | null {
  if (!m || !m.width || !m.height) return null;
  const v = [...m.variants].sort((a, b) => a.width - b.width).find((x) => x.width >= minWidth);
  return v ? { url: mediaUrl(v.key), width: v.width, height: v.height } : { url: mediaUrl(m.storageKey), width: m.width, height: m.height };
}
