/** Which run-the-day tabs an actor sees on a forum (the matrix answers, as for the guard). */
import "server-only";
import type { ConsoleTab } from "@/components/console/event-tabs";
import { can } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/permissions";

export async function consoleTabs(actor: Actor, eventId: string): Promise<ConsoleTab[]> {
  const tabs: ConsoleTab[] = [];
  if (await can(actor, "registration.read", { eventId })) tabs.push("registrations");
  if (await can(actor, "checkin.perform", { eventId })) tabs.push("checkin");
  if (await can(actor, "registration.read", { eventId })) tabs.push("badges", "handbook");
  return tabs;
}
