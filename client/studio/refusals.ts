// The studio's own refusals (docs/protocol.md, "Studio") in the designer's language; others as every page words them.
import { t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";

/** Why the studio's server said no, in the page's language. */
export function studioRefusalText(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; params?: Record<string, string | number> };
  const scenario = String(e.params?.scenario ?? "");
  switch (e.code) {
    case "studio-unavailable":
      return t("studio.refusal.unavailable");
    case "built-in-scenario":
      return t("studio.refusal.built-in", { scenario });
    case "unknown-version":
      return t("studio.refusal.unknown-version", { scenario, version: String(e.params?.version ?? "") });
    case "invalid-scenario":
      return t("studio.refusal.invalid");
    case "too-many-studio-writes":
      return t("studio.refusal.too-many-writes", {
        limit: Number(e.params?.limit ?? 0),
        wait: Number(e.params?.wait ?? 0),
      });
    case "attachments-full":
      return t("studio.refusal.attachments-full");
    default:
      return httpRefusalText(err);
  }
}
