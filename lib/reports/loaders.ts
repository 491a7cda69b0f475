/** Request-scoped loaders for report pages: metadata and page body share one query per request. */
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { publicReportDetail } from "./queries";

export const loadPublicReport = cache(async (slug: string) => publicReportDetail(await getDb(), slug));
