"use client";
/**
 * Camera QR scanning with the Barcode Detection API: the browser's own BarcodeDetector where it reads QR codes (Chrome
 * on Android and macOS, Safari 17+), otherwise the maintained ZXing-WASM polyfill `barcode-detector` (loaded only
 * then), whose .wasm comes from our own origin (lib/shared/qr.ts), so a desk works offline. Back camera preferred; the
 * stream stops on unmount.
 */
import { useEffect, useRef, useState } from "react";
import { QR_WASM_PATH } from "@/lib/shared/qr";

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type NativeDetector = (new (o: { formats: string[] }) => Detector) & { getSupportedFormats?: () => Promise<string[]> };

async function qrDetector(): Promise<Detector> {
  const Native = (window as unknown as { BarcodeDetector?: NativeDetector }).BarcodeDetector;
  const formats = Native ? await Native.getSupportedFormats?.().catch(() => []) : [];
  if (Native && formats?.includes("qr_code")) return new Native({ formats: ["qr_code"] });
  const { BarcodeDetector, prepareZXingModule, ZXING_WASM_VERSION } = await import("barcode-detector/ponyfill");
  // load the .wasm now, so a failure shows as "camera unavailable" instead of a scanner that never reads
  await prepareZXingModule({
    overrides: { locateFile: (file: string, prefix: string) => (file.endsWith(".wasm") ? `${QR_WASM_PATH}?v=${ZXING_WASM_VERSION}` : prefix + file) },
    fireImmediately: true,
  });
  return new BarcodeDetector({ formats: ["qr_code"] });
}

export function QrScanner({ onCode, hint, unavailable }: { onCode: (code: string) => void; hint: string; unavailable: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onCode);
  useEffect(() => {
    done.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer = 0;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = await qrDetector();
        const tick = async () => {
          if (stopped || !video.current) return;
          const v = video.current;
          let found: string | null = null;
          if (v.readyState >= 2) {
            const codes = await detector.detect(v).catch(() => []);
            found = codes[0]?.rawValue ?? null;
          }
          if (found) done.current(found);
          else timer = window.setTimeout(tick, 200);
        };
        void tick();
      } catch {
        setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  if (failed) return <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">{unavailable}</p>;
  return (
    <div className="mt-3">
      <div className="relative mx-auto aspect-square w-full max-w-xs overflow-hidden rounded-xl bg-black">
        <video ref={video} muted playsInline className="h-full w-full object-cover" />
        <div className="pointer-events-none absolute inset-8 rounded-lg border-4 border-white/80" />
      </div>
      <p className="mt-2 text-center text-sm text-slate-500">{hint}</p>
    </div>
  );
}
