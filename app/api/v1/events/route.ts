import { publicRoute } from "@/lib/actions/route";
import { eventListJson } from "@/lib/events/serialize";
import { publicEventList } from "@/lib/events/queries";

export const dynamic = "force-dynamic";

/** Public forums (published, completed, cancelled), newest first. */
export const GET = publicRoute("the public read API", {}, async ({ db }) => ({ events: (await publicEventList(db)).map(eventListJson) }));
