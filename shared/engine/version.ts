// The engine's version: stored in every recording, so a replay knows which rules made it.
export const ENGINE_VERSION = "1.2.0";
