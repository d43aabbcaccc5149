// One value control sets by hand (state.set, or an amendment of a reviewed
// adjudication): which value, its new number, the reason, and whom to tell.
// The fields shown follow the kind of value; read() says what is missing.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { StateChange, Tell } from "../../shared/protocol/control-changes.ts";
import type { SectorKind } from "../../shared/scenario/schema.ts";
import { h } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";

export interface ValueRow {
  el: HTMLElement;
  /** the change with its reason and whom to tell, or what is missing in words */
  read(): { change: StateChange; reason: string; tell: Tell } | string;
  /** new incidents appear in the list of evidence to set */
  update(v: ParticipantView): void;
}

const KINDS = (): [StateChange["what"], string][] => [
  ["escalation", t("control.value.escalation")],
  ["trust", t("control.value.trust")],
  ["standing", t("control.value.standing")],
  ["pressure", t("control.value.pressure")],
  ["sector", t("control.value.sector")],
  ["evidence", t("control.value.evidence")],
];

/** A row of fields; `prefix` keeps the ids of several rows apart. */
export function valueRow(v: ParticipantView, prefix: string): ValueRow {
  const id = (name: string) => `${prefix}-${name}`;
  const options = (list: [string, string][]) => list.map(([value, label]) => h("option", { value }, label));
  const teams: [string, string][] = v.teams.map((t) => [t.id, t.name]);
  const what = h("select", { id: id("what"), "aria-label": t("control.value.what") }, options(KINDS()));
  const a = h("select", { id: id("team"), "aria-label": t("control.value.party") }, options(teams));
  const b = h("select", { id: id("other"), "aria-label": t("control.value.other") }, options(teams));
  b.selectedIndex = Math.min(1, teams.length - 1);
  const sector = h("select", { id: id("sector"), "aria-label": t("control.value.sector-label") });
  const incident = h("select", { id: id("incident"), "aria-label": t("control.value.incident") });
  const suspect = h(
    "select",
    { id: id("suspect"), "aria-label": t("control.value.suspect") },
    options([["", t("control.value.suspect-same")], ["none", t("control.value.no-state")], ...teams]),
  );
  const value = h("input", {
    id: id("value"),
    type: "number",
    "aria-label": t("control.value.new"),
    style: "width: 6em",
  });
  const reason = h("input", {
    id: id("reason"),
    maxlength: 200,
    placeholder: t("control.value.reason-placeholder"),
    "aria-label": t("control.value.reason"),
  });
  const tell = h(
    "select",
    { id: id("tell"), "aria-label": t("control.value.tell") },
    options([
      ["all", t("control.value.tell-all")],
      ["control", t("control.value.tell-control")],
      ...teams.map(([team, name]): [string, string] => [team, t("control.value.tell-one", { name })]),
    ]),
  );
  const sectors = () => {
    const team = v.teams.find((t) => t.id === a.value);
    sector.replaceChildren(...options((team?.sectors ?? []).map((x) => [x.kind, x.name])));
  };
  const incidents = (view: ParticipantView) => {
    const keep = incident.value;
    incident.replaceChildren(...options(view.incidents.map((i) => [i.id, i.title])));
    if (keep) incident.value = keep;
  };
  const show = () => {
    const k = what.value as StateChange["what"];
    a.hidden = !["trust", "standing", "pressure", "sector"].includes(k);
    b.hidden = k !== "trust";
    sector.hidden = k !== "sector";
    incident.hidden = suspect.hidden = k !== "evidence";
    value.placeholder = k === "evidence" ? t("control.value.range-evidence") : t("control.value.range");
  };
  what.addEventListener("change", show);
  a.addEventListener("change", sectors);
  sectors();
  incidents(v);
  show();
  const el = h(
    "div",
    { class: "row", style: "flex-wrap: wrap" },
    what,
    a,
    b,
    sector,
    incident,
    suspect,
    value,
    reason,
    tell,
  );
  return {
    el,
    update: incidents,
    read() {
      const k = what.value as StateChange["what"];
      if (!value.value.trim()) return t("control.value.missing-value");
      const n = Number(value.value);
      if (!reason.value.trim()) return t("control.value.missing-reason");
      const told: Tell = tell.value === "all" || tell.value === "control" ? tell.value : [tell.value];
      const keep = { reason: reason.value, tell: told };
      switch (k) {
        case "escalation":
          return { change: { what: k, value: n }, ...keep };
        case "trust":
          return { change: { what: k, a: a.value, b: b.value, value: n }, ...keep };
        case "standing":
        case "pressure":
          return { change: { what: k, team: a.value, value: n }, ...keep };
        case "sector":
          return { change: { what: k, team: a.value, sector: sector.value as SectorKind, value: n }, ...keep };
        case "evidence": {
          if (!incident.value) return t("control.value.no-incident");
          const who = suspect.value === "" ? {} : { suspect: suspect.value === "none" ? null : suspect.value };
          return { change: { what: k, incident: incident.value, confidence: n / 100, ...who }, ...keep };
        }
      }
    },
  };
}
