import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DelegationDocsNav } from "@/components/delegations/docs-nav";
import { HotelsPanel } from "@/components/delegations/hotels-panel";
import { ListFrame } from "@/components/delegations/list-frame";
import { can } from "@/lib/auth/guard";
import { DOCS_EDIT, DOCS_READ } from "@/lib/delegations/docs-permissions";
import { hotelsOf, roomGuests } from "@/lib/delegations/hotels";
import type { Locale } from "@/lib/i18n/config";
import { consolePage } from "@/lib/events/console-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delegationDocs"))("hotels.title") };
}

export default async function HotelsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, event: ev, actor } = await consolePage(slug, DOCS_READ, "delegations/hotels");
  const [t, locale, mayEdit] = await Promise.all([getTranslations("delegationDocs"), getLocale() as Promise<Locale>, can(actor, DOCS_EDIT, { eventId: ev.id }, db)]);
  const [hotels, guests] = await Promise.all([hotelsOf(db, ev.id), roomGuests(db, ev.id, locale)]);
  return (
    <div className="space-y-5">
      <DelegationDocsNav slug={slug} current="hotels" />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("hotels.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("hotels.intro")}</p>
      </div>
      <HotelsPanel
        eventId={ev.id}
        mayEdit={mayEdit}
        hotels={hotels.map((h) => ({ id: h.id, name: h.name, address: h.address, phone: h.phone, blocks: h.blocks.map((b) => ({ id: b.id, type: b.type, count: b.count, nights: b.nights, usedRooms: b.usedRooms, roomNumbers: b.roomNumbers })) }))}
        guests={guests.map((g) => ({ delegateId: g.delegateId, name: g.name, unit: g.unit, gender: g.gender, wants: g.wants, blockId: g.blockId, room: g.room }))}
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("hotels.list")}</h2>
        <ListFrame src={`/admin/events/${slug}/delegations/hotels/print`} title={t("rooms.title")} />
      </section>
    </div>
  );
}
