// Hard to miss: a toast for each new thing addressed to this seat (at most
// three stacked, announced politely), an optional sound, and the count of
// unseen ones in the browser tab's title until the person looks at them.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { AttentionTracker, titleWithCount, type AttentionItem } from "../net/attention.ts";
import { h } from "./dom.ts";
import { chime, soundOn, setSoundOn } from "./chime.ts";
import "./attention.css";
import { withIcon } from "./icons.ts";
import { t } from "../i18n/index.ts";

const MAX_TOASTS = 3;
const TOAST_MS = 20_000;

export interface AttentionOptions {
  /** the side-panel tab on screen */
  currentTab(): string | null;
  /** shows the item: its tab, and the item in it */
  open(item: AttentionItem): void;
  /** the viewer's own name: its own withdrawals of the team's orders are not news to it */
  self?: string;
}

export interface Attention {
  /** the toasts' stack (placed over the board, clear of the meter) */
  el: HTMLElement;
  /** the sound setting, for the page header */
  soundToggle: HTMLElement;
  update(v: ParticipantView): void;
  /** a tab was opened: what it shows counts as seen */
  tabShown(): void;
  dispose(): void;
}

export function attention(opts: AttentionOptions): Attention {
  const tracker = new AttentionTracker(opts.self);
  const unseen = new Map<string, AttentionItem>();
  let base = "Deconflict";
  const el = h("div", {
    class: "attention",
    role: "log",
    "aria-live": "polite",
    "aria-label": t("ui.attention.label"),
  });

  const soundToggle = h("button", {
    type: "button",
    class: "small no-print",
    title: t("ui.attention.sound-hint"),
  });
  const drawSound = () => {
    soundToggle.setAttribute("aria-pressed", String(soundOn()));
    withIcon(
      soundToggle,
      soundOn() ? "sound" : "mute",
      soundOn() ? t("ui.attention.sound-on") : t("ui.attention.sound-off"),
    );
  };
  soundToggle.addEventListener("click", () => {
    setSoundOn(!soundOn());
    drawSound();
    if (soundOn()) chime();
  });
  drawSound();

  // the person looks when the page is in front and has focus: the open tab's items are seen
  const looking = () => document.visibilityState === "visible" && document.hasFocus();
  const drawTitle = () => {
    document.title = titleWithCount(base, unseen.size);
  };
  const seeOpenTab = () => {
    if (!looking()) return;
    const tab = opts.currentTab();
    for (const [id, item] of unseen)
      if (item.tab === tab) {
        unseen.delete(id);
        el.querySelector(`[data-item="${CSS.escape(id)}"]`)?.remove();
      }
    drawTitle();
  };

  const toast = (item: AttentionItem) => {
    const open = h("button", { type: "button", class: "attention-open" }, item.text);
    const close = h(
      "button",
      { type: "button", class: "attention-close", "aria-label": t("ui.attention.dismiss") },
      "×",
    );
    const toastEl = h("div", { class: `attention-toast kind-${item.kind}`, "data-item": item.id }, open, close);
    open.addEventListener("click", () => {
      toastEl.remove();
      opts.open(item);
      unseen.delete(item.id);
      drawTitle();
    });
    close.addEventListener("click", () => toastEl.remove());
    el.append(toastEl);
    while (el.children.length > MAX_TOASTS) el.firstElementChild?.remove();
    setTimeout(() => toastEl.remove(), TOAST_MS);
  };

  window.addEventListener("focus", seeOpenTab);
  document.addEventListener("visibilitychange", seeOpenTab);

  return {
    el,
    soundToggle,
    update(v) {
      base = `Deconflict — ${v.exercise.title}`;
      const fresh = tracker.next(v);
      for (const item of fresh) {
        toast(item);
        if (!(looking() && opts.currentTab() === item.tab)) unseen.set(item.id, item);
      }
      if (fresh.length && soundOn()) chime();
      drawTitle();
    },
    tabShown: seeOpenTab,
    dispose() {
      window.removeEventListener("focus", seeOpenTab);
      document.removeEventListener("visibilitychange", seeOpenTab);
      document.title = "Deconflict";
    },
  };
}
