"use client";
/**
 * A speaker's photo in the person dialog: preview, upload (replaces) and remove. The file goes to the upload route
 * (POST/DELETE /api/v1/events/{slug}/people/{personId}/photo — files never go through server actions), which
 * re-encodes it like report photos; it is saved at once, independently of the dialog's 保存.
 */
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Photo } from "@/lib/shared/photo";
import { MAX_IMAGE_BYTES } from "@/lib/storage/limits";
import { btn } from "@/components/ui/button";
import { Trash2 } from "@/components/ui/icons";
import { useAct } from "./use-action";

/** fetch → ActionResult, so the dialog's toasts and refresh work as for server actions (the server translates errors). */
async function send<T>(url: string, init: RequestInit, networkError: string): Promise<ActionResult<T>> {
  const res = await fetch(url, init).catch(() => null);
  if (!res) return { ok: false, error: networkError };
  const body = await res.json().catch(() => ({}));
  return res.ok ? { ok: true, data: body as T } : { ok: false, error: body.error ?? networkError, code: body.code };
}

export function PersonPhotoField({ eventSlug, personId, name, photo: initial }: { eventSlug: string; personId: string; name: string; photo: Photo | null }) {
  const t = useTranslations("admin.agenda");
  const te = useTranslations("errors");
  const { act, pending } = useAct();
  const [photo, setPhoto] = useState<Photo | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const id = useId();
  const url = `/api/v1/events/${encodeURIComponent(eventSlug)}/people/${personId}/photo`;

  function upload(f: File | undefined) {
    if (!f) return;
    setError(null);
    void act(
      () =>
        send<Photo>(url, { method: "POST", body: f, headers: { "x-huiwu-upload": "1", "x-filename": encodeURIComponent(f.name), "content-type": "application/octet-stream" } }, te("network")),
      { success: t("photoSaved"), onOk: (p) => p && setPhoto({ url: p.url, width: p.width, height: p.height }) },
    ).then((r) => {
      if (!r.ok) setError(r.error);
      if (file.current) file.current.value = "";
    });
  }

  function remove() {
    setError(null);
    void act(() => send<{ removed: boolean }>(url, { method: "DELETE" }, te("network")), { success: t("photoRemoved"), onOk: () => setPhoto(null) }).then((r) => {
      if (!r.ok) setError(r.error);
    });
  }

  return (
    <fieldset className="rounded-lg border border-slate-200 p-3" data-testid="person-photo" aria-busy={pending}>
      <legend className="px-1 text-sm font-medium text-slate-700">{t("photo")}</legend>
      <div className="flex flex-wrap items-center gap-4">
        {photo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a stored, already re-encoded image served by /media
          <img src={photo.url} width={photo.width} height={photo.height} alt={name} className="h-24 w-24 rounded-full object-cover ring-1 ring-slate-200" data-testid="person-photo-preview" />
        ) : (
          <span className="flex h-24 w-24 items-center justify-center rounded-full bg-slate-100 text-center text-xs text-slate-500" data-testid="person-photo-none">
            {t("photoNone")}
          </span>
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap gap-2">
            <label htmlFor={id} className={`${btn.secondary} cursor-pointer focus-within:outline-2 focus-within:outline-brand-600`}>
              {photo ? t("photoReplace") : t("photoUpload")}
              <input
                ref={file}
                id={id}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                className="sr-only"
                disabled={pending}
                aria-describedby={`${id}-hint`}
                onChange={(e) => upload(e.target.files?.[0])}
                data-testid="person-photo-input"
              />
            </label>
            {photo ? (
              <button type="button" className={btn.danger} onClick={remove} disabled={pending} data-testid="person-photo-remove">
                <Trash2 aria-hidden className="h-4 w-4" />
                {t("photoRemove")}
              </button>
            ) : null}
          </div>
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {pending ? t("photoUploading") : t("photoHint", { limit: `${Math.round(MAX_IMAGE_BYTES / 1024 / 1024)} MB` })}
          </p>
          {error ? (
            <p role="alert" className="text-sm text-red-600" data-testid="person-photo-error">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
