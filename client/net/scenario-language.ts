// The scenario's texts in the participant's language: the view the room sends
// keeps the scenario's own language (as the engine and recordings do); this asks
// the room for the texts of what the view shows in the participant's language
// and puts them in, by inject, team or action id, before every panel reads it.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { localizeView, viewTextSlots, type TextsReply } from "../../shared/scenario/view-texts.ts";
import { i18n } from "../i18n/index.ts";

export class ScenarioLanguage {
  private lang = "";
  private table: Record<string, string> = {};
  /** view keys the room was asked about in this language */
  private asked = new Set<string>();
  /** the scenario has no texts in this language: nothing more to ask */
  private none = false;
  private busy = false;
  private again = false;
  private readonly ask: (lang: string) => Promise<TextsReply>;
  private readonly changed: () => void;

  /** `ask` requests the room's "texts"; `changed` is called when new texts arrived (the store emits again). */
  constructor(ask: (lang: string) => Promise<TextsReply>, changed: () => void) {
    this.ask = ask;
    this.changed = changed;
  }

  /** `raw` with its scenario texts in the participant's language, as far as known; asks the room for the rest. */
  localize(raw: ParticipantView): ParticipantView {
    const lang = i18n().lang;
    if (lang !== this.lang) {
      this.lang = lang;
      this.table = {};
      this.asked = new Set();
      this.none = false;
    }
    if (!this.none) {
      const keys = viewTextSlots(raw).map((s) => s.key);
      if (keys.some((k) => !this.asked.has(k))) void this.fetch(keys);
    }
    return localizeView(raw, this.table);
  }

  private async fetch(keys: string[]): Promise<void> {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    const lang = this.lang;
    let arrived = false;
    try {
      const reply = await this.ask(lang);
      if (lang === this.lang) {
        for (const k of keys) this.asked.add(k);
        Object.assign(this.table, reply.texts);
        // English-only scenarios, and the scenario's own language, need no further questions
        this.none = !reply.languages.slice(1).includes(lang);
        arrived = Object.keys(reply.texts).length > 0;
      }
    } catch {
      // the source texts stay; the next view asks again
    } finally {
      this.busy = false;
    }
    if (arrived || this.again) {
      this.again = false;
      this.changed();
    }
  }
}
