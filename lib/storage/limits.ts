/** Upload limits. Pure constants, importable from client components for hints. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** The largest upload of any kind: a request body beyond this is refused before it is read. */
export const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES;
/** Decompression-bomb guard: images declaring more pixels than this are refused before decoding (sharp limitInputPixels). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The stored "original" is re-encoded and fitted within this many pixels on its long side. */
export const MAX_STORED_EDGE = 2560;
/** Resized variants: phone and desktop widths. */
export const IMAGE_VARIANTS = [
  { name: "w640", width: 640 },
  { name: "w1280", width: 1280 },
] as const;
export type VariantName = (typeof IMAGE_VARIANTS)[number]["name"];
