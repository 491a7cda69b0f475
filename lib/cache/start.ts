import "server-only";
import { dbHandle } from "@/lib/db";
import { registerPublicVersionSource } from "./page-cache";
import { publicVersion } from "./public-version";

/** Lets the proxy's page cache read the public content version through the app's database handle. */
export function startPageCache() {
  registerPublicVersionSource(async () => publicVersion(await dbHandle()));
}
