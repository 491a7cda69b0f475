import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tone: Record<string, BadgeTone> = { draft: "slate", published: "green", cancelled: "red", completed: "blue" };

const hasEnded = (endsAt: Date) => endsAt.getTime() < Date.now();

/** A published forum whose end has passed shows as ended ("completed") even before an organizer marks it so. */
export async function EventStatusBadge({ status, endsAt }: { status: string; endsAt?: Date }) {
  const t = await getTranslations("shared.eventStatus");
  const shown = status === "published" && endsAt && hasEnded(endsAt) ? "completed" : status;
  return (
    <Badge tone={tone[shown] ?? "slate"} data-status={shown}>
      {t(shown as "draft")}
    </Badge>
  );
}
