/** Request-scoped loaders for pages: metadata and page body share one query per request. */
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { publicEventDetail } from "./queries";

export const loadPublicEvent = cache(async (slug: string) => publicEventDetail(await getDb(), slug));
