"use client";
/**
 * 复制到公众号: puts the saved report on the clipboard as WeChat-ready HTML (inline styles, absolute image URLs) plus
 * plain text. `ensureSaved` runs first (the editor saves unsaved changes; false = could not save, nothing copied).
 * The clipboard write starts synchronously in the click with promises of the blobs (Safari keeps the user gesture
 * only that way); without ClipboardItem, a hidden contenteditable is selected and copied with execCommand.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { wechatCopyAction } from "@/lib/reports/actions";

type Copy = { html: string; text: string };

function copyBySelection({ html }: Copy): boolean {
  const holder = document.createElement("div");
  holder.contentEditable = "true";
  holder.style.cssText = "position:fixed;left:-9999px;top:0;opacity:0;";
  holder.innerHTML = html;
  document.body.appendChild(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } finally {
    sel?.removeAllRanges();
    holder.remove();
  }
  return ok;
}

export function CopyWechatButton({ ids, ensureSaved, className }: { ids: { eventId: string; reportId: string }; ensureSaved: () => Promise<boolean>; className?: string }) {
  const t = useTranslations("reports.admin");
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function load(): Promise<Copy> {
    if (!(await ensureSaved())) throw new Error("unsaved");
    const r = await wechatCopyAction(ids);
    if (!r.ok || !r.data) throw new Error(r.ok ? "empty" : r.error);
    return r.data;
  }

  async function onClick() {
    setBusy(true);
    const copy = load();
    try {
      if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
        const blob = (type: string, pick: (c: Copy) => string) => copy.then((c) => new Blob([pick(c)], { type }));
        await navigator.clipboard.write([new ClipboardItem({ "text/html": blob("text/html", (c) => c.html), "text/plain": blob("text/plain", (c) => c.text) })]);
      } else if (!copyBySelection(await copy)) throw new Error("execCommand");
      toast(t("wechatCopied"), "success");
    } catch (e) {
      toast(e instanceof Error && e.message === "unsaved" ? t("wechatUnsaved") : t("wechatFailed"), "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" onClick={() => void onClick()} disabled={busy} className={className} data-testid="copy-wechat">
      {t("copyWechat")}
    </button>
  );
}
