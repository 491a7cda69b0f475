/** The team tab (团队): the forum's organizers and staff, invitations; organizers (and admins) manage it. */
import { getLocale } from "next-intl/server";
import { TeamPanel } from "@/components/team/team-panel";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { INVITATION_TTL_DAYS } from "@/lib/team/commands";
import { teamOf } from "@/lib/team/queries";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export default async function TeamPage({ params }: PageProps<"/admin/events/[slug]/team">) {
  const { slug } = await params;
  const { db, event: ref, actor } = await consolePage(slug, "event.staff.manage", "team");
  const [team, locale] = await Promise.all([teamOf(db, ref.id), getLocale() as Promise<Locale>]);
  const zone = ref.timezone;
  return (
    <TeamPanel
      eventId={ref.id}
      me={actor.id}
      inviteDays={INVITATION_TTL_DAYS}
      members={team.members.map((m) => ({ ...m, since: formatDate(m.since, zone, locale) }))}
      invitations={team.invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expires: formatDate(i.expiresAt, zone, locale) }))}
    />
  );
}
