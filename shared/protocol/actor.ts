// Moved to identity.ts, with the rest of who someone is; kept so that imports
// not yet moved keep working. New code imports from ./identity.ts.
export { actor, type Actor, type Role } from "./identity.ts";
