// One value control sets by hand (state.set, or an amendment of a reviewed
// adjudication): which value, its new number, the reason, and whom to tell.
// The fields shown follow the kind of value; read() says what is missing.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { StateChange, Tell } from "../../shared/protocol/control-changes.ts";
import type { SectorKind } from "../../shared/scenario/schema.ts";
import { h } from "../ui/dom.ts";

export interface ValueRow {
  el: HTMLElement;
  /** the change with its reason and whom to tell, or what is missing in words */
  read(): { change: StateChange; reason: string; tell: Tell } | string;
  /** new incidents appear in the list of evidence to set */
  update(v: ParticipantView): void;
}

const KINDS: [StateChange["what"], string][] = [
  ["escalation", "Escalation"],
  ["trust", "Trust between two states"],
  ["standing", "International standing"],
  ["pressure", "Domestic pressure"],
  ["sector", "A sector's health"],
  ["evidence", "Evidence on an incident"],
];

/** A row of fields; `prefix` keeps the ids of several rows apart. */
export function valueRow(v: ParticipantView, prefix: string): ValueRow {
  const id = (name: string) => `${prefix}-${name}`;
  const options = (list: [string, string][]) => list.map(([value, label]) => h("option", { value }, label));
  const teams: [string, string][] = v.teams.map((t) => [t.id, t.name]);
  const what = h("select", { id: id("what"), "aria-label": "Value to set" }, options(KINDS));
  const a = h("select", { id: id("team"), "aria-label": "Party" }, options(teams));
  const b = h("select", { id: id("other"), "aria-label": "Other party" }, options(teams));
  b.selectedIndex = Math.min(1, teams.length - 1);
  const sector = h("select", { id: id("sector"), "aria-label": "Sector" });
  const incident = h("select", { id: id("incident"), "aria-label": "Incident" });
  const suspect = h(
    "select",
    { id: id("suspect"), "aria-label": "Evidence points at" },
    options([["", "suspect unchanged"], ["none", "no state"], ...teams]),
  );
  const value = h("input", { id: id("value"), type: "number", "aria-label": "New value", style: "width: 6em" });
  const reason = h("input", {
    id: id("reason"),
    maxlength: 200,
    placeholder: "reason (recorded)",
    "aria-label": "Why (recorded)",
  });
  const tell = h(
    "select",
    { id: id("tell"), "aria-label": "Tell" },
    options([
      ["all", "Tell everyone"],
      ["control", "Control only"],
      ...teams.map(([t, n]): [string, string] => [t, `Tell ${n} only`]),
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
    value.placeholder = k === "evidence" ? "0–95 %" : "0–100";
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
      if (!value.value.trim()) return "Type the new value";
      const n = Number(value.value);
      if (!reason.value.trim()) return "Give a reason: it is recorded";
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
          if (!incident.value) return "There is no incident to set evidence on yet";
          const who = suspect.value === "" ? {} : { suspect: suspect.value === "none" ? null : suspect.value };
          return { change: { what: k, incident: incident.value, confidence: n / 100, ...who }, ...keep };
        }
      }
    },
  };
}
