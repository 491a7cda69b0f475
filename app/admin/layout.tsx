/**
 * The /admin console: only site admins and people holding an organizer/staff role on some forum get in (403 page
 * for other signed-in users, sign-in for anonymous). Each page and action still checks its own, narrower permission.
 */
import { pageActor } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await pageActor("admin.access", {}, "/admin");
  return <div data-testid="admin-console">{children}</div>;
}
