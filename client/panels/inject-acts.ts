// What control's ad-hoc inject does besides its text (rules 3.0): a change of
// escalation, damage to a state's sector, and an incident with its evidence,
// each optional; sent as the inject's effects and incident, which the server
// checks as a scenario's.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import type { SectorKind } from "../../shared/scenario/schema.ts";
import { h, render } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";

type Create = Extract<CommandInput, { type: "inject.create" }>;
type Acts = Pick<Create, "effects" | "incident">;

export function injectActs(): {
  el: HTMLElement;
  update(v: ParticipantView): void;
  read(title: string): Acts | string;
} {
  const escalation = h("input", { id: "adhoc-escalation", type: "number", placeholder: "0", style: "width: 6em" });
  const team = h("select", { id: "adhoc-team", "aria-label": t("control.acts.victim") });
  const sector = h("select", { id: "adhoc-sector", "aria-label": t("control.acts.sector") });
  const damage = h("input", { id: "adhoc-damage", type: "number", placeholder: "0", style: "width: 6em" });
  const incident = h("input", { id: "adhoc-incident", type: "checkbox" });
  const culprit = h("select", { id: "adhoc-culprit", "aria-label": t("control.acts.culprit") });
  const suspect = h("select", { id: "adhoc-suspect", "aria-label": t("control.value.suspect") });
  const confidence = h("input", { id: "adhoc-confidence", type: "number", value: "40", style: "width: 5em" });
  const isPublic = h("input", { id: "adhoc-public", type: "checkbox" });
  const details = h(
    "details",
    {},
    h("summary", {}, t("control.acts.summary")),
    h("label", { for: "adhoc-escalation" }, t("control.acts.escalation")),
    escalation,
    h("label", { for: "adhoc-damage" }, t("control.acts.damage")),
    h("div", { class: "row" }, team, sector, damage),
    h("label", { class: "inline", for: "adhoc-incident" }, incident, t("control.acts.incident")),
    h("div", { class: "row", style: "flex-wrap: wrap" }, culprit, suspect, confidence, "%"),
    h("label", { class: "inline", for: "adhoc-public" }, isPublic, t("control.acts.public")),
  );
  let view: ParticipantView | null = null;
  const sectors = () => {
    const chosen = view?.teams.find((x) => x.id === team.value);
    render(
      sector,
      (chosen?.sectors ?? []).map((x) => h("option", { value: x.kind }, x.name)),
    );
  };
  team.addEventListener("change", sectors);
  const number = (el: HTMLInputElement) => (el.value.trim() ? Number(el.value) : 0);
  return {
    el: details,
    update(v) {
      if (view) return;
      view = v;
      const states = v.teams.map((x) => h("option", { value: x.id }, x.name));
      render(team, states);
      render(
        culprit,
        h("option", { value: "" }, t("control.acts.done-by-none")),
        v.teams.map((x) => h("option", { value: x.id }, t("control.acts.done-by", { name: x.name }))),
      );
      render(
        suspect,
        h("option", { value: "" }, t("control.acts.evidence-none")),
        v.teams.map((x) => h("option", { value: x.id }, t("control.acts.evidence", { name: x.name }))),
      );
      sectors();
    },
    read(title) {
      const effects: NonNullable<Create["effects"]> = [];
      if (number(escalation)) effects.push({ type: "escalation", delta: number(escalation) });
      if (number(damage))
        effects.push({
          type: "sector",
          team: team.value,
          sector: sector.value as SectorKind,
          delta: -Math.abs(number(damage)),
        });
      if (!incident.checked) return effects.length ? { effects } : {};
      const c = number(confidence);
      if (c < 0 || c > 95) return t("control.acts.confidence-range");
      return {
        ...(effects.length ? { effects } : {}),
        incident: {
          title,
          victim: team.value,
          sector: sector.value as SectorKind,
          severity: 2,
          culprit: culprit.value || null,
          suspect: suspect.value || null,
          confidence: c / 100,
          public: isPublic.checked,
        },
      };
    },
  };
}
