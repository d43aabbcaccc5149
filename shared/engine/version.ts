// The engine's version: stored in every recording, so a replay knows which rules made it.
// Its major.minor is the rules version (rules.ts): a patch never changes what a command does;
// a minor keeps the previous rules replayable (listed in KEPT_RULES with their switches);
// a major may drop them. Only the rules listed there, and these, are ever replayed.
export const ENGINE_VERSION = "3.0.0";
