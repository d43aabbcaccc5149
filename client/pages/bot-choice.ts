// The create form's bot seats: for each seat of the chosen scenario, a person
// (the default) or a bot with a policy. Control can change them later from the console.
import type { ScenarioSummary } from "../net/api.ts";
import { h, render } from "../ui/dom.ts";
import { botWords, t } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";
import { policiesFor } from "../../shared/words/bots-en.ts";

/** The fieldset, told which scenario is chosen; `value()` gives the seats a bot plays (undefined when none). */
export function botChoice() {
  const rows = h("div", { class: "row", style: "gap: 0.4em 1em" });
  const el = h(
    "fieldset",
    { hidden: true },
    h("legend", {}, t("solo.bots-legend")),
    rows,
    h("p", { class: "dim", style: "margin: 0.4em 0 0" }, t("solo.bots-hint")),
  );
  let selects: HTMLSelectElement[] = [];
  const seatSelect = (seat: string, name: string, kind: "team" | "mediator") => {
    const id = `bot-${seat}`;
    const select = h(
      "select",
      { id, "data-seat": seat, style: "width: auto" },
      h("option", { value: "" }, t("solo.bots-people")),
      policiesFor(kind).map((p) => h("option", { value: p }, t("solo.bots-policy", { policy: botWords()[p].label }))),
    );
    selects.push(select);
    return h(
      "span",
      { class: "row", style: "gap: 0.3em" },
      own(h("label", { for: id, style: "margin: 0" }, name)),
      select,
    );
  };
  return {
    el,
    choose(s: ScenarioSummary) {
      selects = [];
      render(rows, [
        ...s.teams.map((team) => seatSelect(team.id, team.name, "team")),
        s.mediator ? seatSelect("mediator", t("solo.bots-mediator"), "mediator") : null,
      ]);
      el.hidden = false;
    },
    value(): Record<string, string> | undefined {
      const chosen = selects.filter((s) => s.value).map((s) => [s.dataset.seat!, s.value] as const);
      return chosen.length ? Object.fromEntries(chosen) : undefined;
    },
  };
}
