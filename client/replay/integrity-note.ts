// The replay footer's integrity note. The browser never holds the server's
// key, so a file's chain can be intact but its origin (and whether it is the
// final recording) is only what the file says: never a green "verified".
import type { Integrity } from "../../shared/protocol/integrity.ts";
import { h } from "../ui/dom.ts";
import { integrityTitle, originText, takenText } from "./integrity-words.ts";

const MARK: Record<Integrity["status"], string> = { sealed: "✓ ", intact: "○ ", migrated: "⚠ " };

/** Who vouches for the recording, then whether it is the final one; `count`: its commands, for the tooltip. */
export function integrityNote(i: Integrity, count: number): HTMLElement {
  const taken = takenText(i);
  const originClass = i.status === "sealed" ? "ok-text" : i.status === "migrated" ? "pending-text" : "integrity-intact";
  return h(
    "span",
    {
      class: "integrity-note",
      "data-integrity": i.status,
      "data-final": i.final === null ? "unknown" : String(i.final),
      title: integrityTitle(i, count),
    },
    h("span", { class: originClass }, MARK[i.status], originText(i)),
    taken ? h("span", { class: i.final === false ? "pending-text" : "dim" }, ` · ${taken}`) : null,
  );
}
