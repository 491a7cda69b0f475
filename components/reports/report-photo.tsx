/** A report photo with responsive variants, caption and credit. Plain <img>: files come from our own /media route. */
export type PhotoView = { url: string; srcSet: string; width: number | null; height: number | null; caption: string | null; credit: string | null };

export function ReportPhoto({ photo, sizes = "(min-width: 768px) 672px, 100vw", creditLine }: { photo: PhotoView; sizes?: string; creditLine: (credit: string) => string }) {
  return (
    <figure className="my-6" data-testid="report-photo">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own /media files with their own srcset */}
      <img
        src={photo.url}
        srcSet={photo.srcSet || undefined}
        sizes={sizes}
        width={photo.width ?? undefined}
        height={photo.height ?? undefined}
        alt={photo.caption ?? ""}
        loading="lazy"
        decoding="async"
        className="h-auto w-full rounded-xl bg-slate-100"
      />
      {(photo.caption || photo.credit) && (
        <figcaption className="mt-2 text-sm leading-relaxed text-slate-600">
          {photo.caption}
          {photo.credit && (
            <span className="ml-2 text-slate-500" data-testid="photo-credit">
              {creditLine(photo.credit)}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
