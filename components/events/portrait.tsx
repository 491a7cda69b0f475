/**
 * A speaker's photo on public pages: a server component (no client JS), with the rendition's own width/height so the
 * page does not shift while it loads, lazy-loaded, cropped to a circle by CSS. `alt` is the person's name.
 */
import type { Photo } from "@/lib/shared/photo";
import { cn } from "@/lib/cn";

export function Portrait({ photo, alt, className }: { photo: Photo; alt: string; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a stored image, already re-encoded with its variants; /media serves it
    <img src={photo.url} width={photo.width} height={photo.height} alt={alt} loading="lazy" decoding="async" className={cn("rounded-full bg-slate-100 object-cover ring-1 ring-slate-200", className)} data-testid="speaker-photo" />
  );
}
