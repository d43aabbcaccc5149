// The bar across the top of the exercise: what, where in the turn, how much
// time is left, whether it is paused, and who you are.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { phaseRemainingMs } from "../../shared/engine/index.ts";
import type { SeatInfo } from "../../shared/protocol/identity.ts";
import type { Session } from "../net/session.ts";
import { brand, countdown, h, render } from "./dom.ts";
import { icon } from "./icons.ts";
import { i18n, t } from "../i18n/index.ts";

export interface Topbar {
  el: HTMLElement;
  update(view: ParticipantView): void;
}

export function topbar(session: Session, seat: SeatInfo, extra: HTMLElement | null): Topbar {
  const title = h("div", { class: "title" });
  const turn = h("div", { "aria-label": t("ui.topbar.turn-label") });
  const phases = h("div", { class: "phases", role: "group", "aria-label": t("ui.topbar.phases-label") });
  const timer = h("div", { class: "timer", role: "timer", "aria-label": t("ui.topbar.timer-label") });
  const state = h("div", {});
  const who = h(
    "div",
    { class: "seat" },
    h("strong", { dir: "auto" }, seat.seatName),
    h("br"),
    h("small", { dir: "auto" }, t("ui.topbar.seat", { name: seat.name, role: seat.role })),
  );
  const el = h("header", { class: "topbar" }, brand(false), title, turn, phases, timer, state, extra, who);
  let view: ParticipantView | null = null;

  const tick = () => {
    if (!view) return;
    const left = view.exercise.phase ? phaseRemainingMs(view.exercise, session.store.serverNow()) : null;
    // paused: the time left stays in sight, frozen (the badge beside it says "Paused")
    // paused: the time left stays in sight, frozen, after the pause icon
    const paused = view.exercise.status === "paused";
    const shown = left === null ? "" : countdown(left);
    if (timer.textContent !== shown || timer.classList.contains("paused") !== paused) {
      timer.replaceChildren(...(paused && shown ? [icon("pause")] : []), shown);
      timer.classList.toggle("paused", paused);
    }
    timer.classList.toggle("low", left !== null && left < 60_000 && view.exercise.status === "running");
  };
  setInterval(tick, 250);

  const drawState = () => {
    const x = view?.exercise;
    if (!x) return;
    render(
      state,
      // while the connection is lost the status shown may be stale: say so instead
      session.link !== "online"
        ? h("span", { class: "badge danger", "data-link": session.link }, t("ui.topbar.offline"))
        : x.status === "paused"
          ? h("span", { class: "badge warn" }, icon("pause"), t("ui.topbar.paused"))
          : x.status === "ended"
            ? h("span", { class: "badge danger" }, t("ui.topbar.ended"))
            : x.status === "setup"
              ? h("span", { class: "badge" }, t("ui.topbar.waiting"))
              : h("span", { class: "badge ok" }, t("ui.topbar.live")),
    );
  };
  session.onLink(drawState);

  return {
    el,
    update(v) {
      view = v;
      const x = v.exercise;
      title.textContent = x.title;
      turn.textContent =
        x.status === "setup"
          ? t("ui.topbar.not-started")
          : t("ui.topbar.turn", { turn: i18n().number(x.turn), turns: i18n().number(x.turns) });
      render(
        phases,
        x.phases.map((p, i) =>
          h(
            "span",
            {
              class: i === x.phaseIndex && x.status !== "setup" && x.status !== "ended" ? "current" : "",
              "aria-current": i === x.phaseIndex ? "step" : undefined,
              "data-of": ` · ${i18n().number(i + 1)}/${i18n().number(x.phases.length)}`,
            },
            p.name,
          ),
        ),
      );
      drawState();
      tick();
    },
  };
}
