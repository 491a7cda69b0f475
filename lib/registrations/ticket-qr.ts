/** A ticket code as the QR every screen shows (an SVG data: URL made on the server): one look, one error level. */
import "server-only";
import QRCode from "qrcode";

export async function ticketQrDataUrl(ticketCode: string): Promise<string> {
  const svg = await QRCode.toString(ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#0f2f5f", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
