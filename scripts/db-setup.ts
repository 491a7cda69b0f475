/** `npm run db:setup`: migrate and (if empty) seed, then exit. */
import { exitOnBadEnv } from "../lib/env";
import { exitOnConfigError, prepareDatabase } from "./lib/setup";

exitOnBadEnv();
prepareDatabase().catch(exitOnConfigError);
