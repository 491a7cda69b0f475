"use client";
/**
 * Camera QR scanning: the native BarcodeDetector where the browser has it (Chrome on Android, Safari 17+),
 * otherwise jsQR on canvas frames (loaded only then). Back camera preferred; the stream stops on unmount.
 */
import { useEffect, useRef, useState } from "react";

type Detector = { detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]> };

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
        const BD = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
        const detector = BD ? new BD({ formats: ["qr_code"] }) : null;
        const jsQR = detector ? null : (await import("jsqr")).default;
        const canvas = document.createElement("canvas");
        const ctx = canvas.getContext("2d", { willReadFrequently: true });
        const tick = async () => {
          if (stopped || !video.current) return;
          const v = video.current;
          let found: string | null = null;
          if (v.readyState >= 2) {
            if (detector) {
              const codes = await detector.detect(v).catch(() => []);
              found = codes[0]?.rawValue ?? null;
            } else if (jsQR && ctx) {
              canvas.width = v.videoWidth;
              canvas.height = v.videoHeight;
              ctx.drawImage(v, 0, 0);
              const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
              found = jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" })?.data ?? null;
            }
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
