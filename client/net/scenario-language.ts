// The scenario's texts in the participant's language: the view the room sends
// keeps the scenario's own language (as the engine and recordings do); this asks
// the room for the texts of what the view shows in the participant's language
// and puts them in, by inject, team or action id, before every panel reads it.
import { view, type GameState, type ParticipantView, type Viewer } from "../../shared/engine/index.ts";
import { localizeView, viewTextSlots, viewTranslations, type TextsReply } from "../../shared/scenario/view-texts.ts";
import { i18n } from "../i18n/index.ts";

/**
 * The engine's view of a state the browser holds whole (the replay's, from a recording), its scenario texts
 * in the participant's language: the recording's scenario carries them, and this viewer sees what it sees.
 */
export function viewInLanguage(state: GameState, viewer: Viewer): ParticipantView {
  const v = view(state, viewer);
  return localizeView(v, viewTranslations(state.scenario, v, i18n().lang));
}

/** How long a view waits for the room's texts before it shows in the scenario's language. */
const WAIT_MS = 2000;

export class ScenarioLanguage {
  private lang = "";
  private table: Record<string, string> = {};
  /** view keys the room was asked about in this language */
  private asked = new Set<string>();
  /** the scenario has no texts in this language: nothing more to ask */
  private none = false;
  private busy = false;
  /** the room's answer is overdue: views show meanwhile */
  private late = false;
  private readonly ask: (lang: string) => Promise<TextsReply>;
  private readonly changed: () => void;

  /** `ask` requests the room's "texts"; `changed` is called when its answer came or is overdue (the store localizes again). */
  constructor(ask: (lang: string) => Promise<TextsReply>, changed: () => void) {
    this.ask = ask;
    this.changed = changed;
  }

  /**
   * `raw` with its scenario texts in the participant's language, or null while the room is asked for texts
   * it shows for the first time: the view waits a moment, so no panel or toast shows them in another language.
   */
  localize(raw: ParticipantView): ParticipantView | null {
    const lang = i18n().lang;
    if (lang !== this.lang) {
      this.lang = lang;
      this.table = {};
      this.asked = new Set();
      this.none = false;
    }
    if (!this.none) {
      const keys = viewTextSlots(raw).map((s) => s.key);
      if (keys.some((k) => !this.asked.has(k))) {
        void this.fetch(keys);
        if (!this.late) return null;
      }
    }
    return localizeView(raw, this.table);
  }

  /** `raw` with the texts known so far, asking nothing (a view of another seat, which control peeks at). */
  known(raw: ParticipantView): ParticipantView {
    return localizeView(raw, this.table);
  }

  private async fetch(keys: string[]): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const lang = this.lang;
    // a slow answer does not hold the view back for long: it shows in the scenario's language meanwhile
    const timer = setTimeout(() => {
      this.late = true;
      this.changed();
    }, WAIT_MS);
    try {
      const reply = await this.ask(lang);
      if (lang === this.lang) {
        Object.assign(this.table, reply.texts);
        // English-only scenarios, and the scenario's own language, need no further questions
        this.none = !reply.languages.slice(1).includes(lang);
      }
    } catch {
      // refused or lost: the source texts stay; texts that appear later ask again
    } finally {
      clearTimeout(timer);
      if (lang === this.lang) for (const k of keys) this.asked.add(k);
      this.busy = false;
      this.late = false;
    }
    this.changed();
  }
}
