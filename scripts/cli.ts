/**
 * `npm run cli -- <group> <command> …` — operator commands. Each group lives in scripts/commands/<group>.ts and is
 * wired in below with one line.
 */
import { exitOnConfigError } from "./lib/setup";
import { ACCOUNTS_USAGE, accountsCommand } from "./commands/accounts";
import { DB_USAGE, dbCommand } from "./commands/db";
import { EVENT_USAGE, eventCommand } from "./commands/event-bundle";

const GROUPS: Record<string, { usage: string; run: (args: string[]) => Promise<number> }> = {
  event: { usage: EVENT_USAGE, run: (args) => (args[0] === "grant" || args[0] === "revoke" ? accountsCommand(["event", ...args]) : eventCommand(args)) },
  user: { usage: ACCOUNTS_USAGE, run: (args) => accountsCommand(["user", ...args]) },
  db: { usage: DB_USAGE, run: dbCommand },
};

async function main() {
  const [group, ...rest] = process.argv.slice(2);
  const g = group ? GROUPS[group] : undefined;
  if (!g) {
    console.error(`Usage: npm run cli -- <command>\n${Object.values(GROUPS).map((x) => x.usage).join("\n")}`);
    return 2;
  }
  return g.run(rest);
}

main().then((code) => process.exit(code), exitOnConfigError);
