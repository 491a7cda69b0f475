/** `npm run db:setup`: migrate and (if empty) seed, then exit. */
import { exitOnConfigError, prepareDatabase } from "./lib/setup";

prepareDatabase().catch(exitOnConfigError);
