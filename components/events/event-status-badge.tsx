import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tone: Record<string, BadgeTone> = { draft: "slate", published: "green", cancelled: "red", completed: "blue" };

export async function EventStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("events.status");
  return <Badge tone={tone[status] ?? "slate"}>{t(status as "draft")}</Badge>;
}
