import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tone: Record<string, BadgeTone> = { confirmed: "green", pending: "amber", waitlisted: "violet", cancelled: "slate", rejected: "red" };

export async function RegistrationStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("shared.registrationStatus");
  return (
    <Badge tone={tone[status] ?? "slate"} className="shrink-0 whitespace-nowrap" data-testid="registration-status" data-status={status}>
      {t(status as "confirmed")}
    </Badge>
  );
}
