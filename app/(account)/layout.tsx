import { ClientMessages } from "@/components/i18n/client-messages";

/** Public and account pages read best in a column; the console (app/admin) uses the full width. Account forms read
 * most of the catalogue on the client, so they get all of it (public pages get none: app/layout.tsx). */
export default function ColumnLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces="all">
      <div className="mx-auto w-full max-w-5xl px-4">{children}</div>
    </ClientMessages>
  );
}
