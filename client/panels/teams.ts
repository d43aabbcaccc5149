// Control's look into each team: briefing, this turn's orders, recent decisions.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { type Panel, type PanelCtx } from "./panel.ts";

export function teamsPanel(ctx: PanelCtx, viewAs: (teamId: string | null) => void): Panel {
  const body = h("div", {});
  const el = h("section", {}, h("h3", {}, "Teams"), body);
  let seen: unknown[] = [];
  return {
    id: "teams",
    label: "Teams",
    el,
    update(v: ParticipantView) {
      const c = v.me?.kind === "control" ? v.me : null;
      const now = [v.me, v.teams, v.history];
      if (!c || now.every((x, i) => x === seen[i])) return;
      seen = now;
      render(
        body,
        v.teams.map((t) => {
          const o = c.orders[t.id];
          const look = h("button", { type: "button", class: "small" }, `See the board as ${t.name}`);
          look.addEventListener("click", () => viewAs(t.id));
          const name = (id: string) => c.actions.find((a) => a.id === id)?.name ?? id;
          return h(
            "article",
            { class: "card", style: `border-left: 6px solid ${t.color}` },
            h("div", { class: "row", style: "justify-content: space-between" }, h("h3", {}, t.name), look),
            h(
              "p",
              { class: "dim" },
              `Standing ${Math.round(t.standing)} · domestic pressure ${Math.round(t.pressure)}`,
            ),
            h(
              "details",
              {},
              h("summary", {}, "Private briefing"),
              h("p", { class: "briefing" }, c.briefings[t.id] ?? ""),
              (c.teamObjectives[t.id] ?? []).length
                ? h(
                    "ul",
                    {},
                    (c.teamObjectives[t.id] ?? []).map((x) => h("li", {}, x)),
                  )
                : null,
            ),
            h("h4", {}, "Orders this turn"),
            o
              ? h(
                  "ul",
                  {},
                  o.items.map((i) =>
                    h(
                      "li",
                      {},
                      `${name(i.actionId)}${i.target ? ` → ${i.target}` : ""}${i.sector ? ` (${i.sector})` : ""}`,
                      h("span", { class: "dim" }, ` — ${i.by}`),
                    ),
                  ),
                )
              : h("p", { class: "dim" }, v.exercise.ordersOpen ? "Not submitted yet." : "None pending."),
            v.history.length
              ? h(
                  "details",
                  {},
                  h("summary", {}, "Earlier turns"),
                  v.history.map((hst) =>
                    h(
                      "div",
                      {},
                      `Turn ${hst.turn}: `,
                      hst.orders
                        .filter((x) => x.teamId === t.id)
                        .flatMap((x) => x.items.map((i) => name(i.actionId)))
                        .join(", ") || "no action",
                    ),
                  ),
                )
              : null,
          );
        }),
      );
      void ctx;
    },
  };
}
