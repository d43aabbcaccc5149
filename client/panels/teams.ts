// Control's look into each team: briefing, this turn's orders, recent decisions.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { listOf, own, sectorKindName, type Panel, type PanelCtx } from "./panel.ts";
import { t } from "../i18n/index.ts";
import { partyName } from "../../shared/words/index.ts";

export function teamsPanel(ctx: PanelCtx, viewAs: (teamId: string | null) => void): Panel {
  const body = h("div", {});
  const el = h("section", {}, h("h3", {}, t("control.teams.title")), body);
  let seen: unknown[] = [];
  return {
    id: "teams",
    label: t("control.teams.title"),
    el,
    update(v: ParticipantView) {
      const c = v.me?.kind === "control" ? v.me : null;
      const now = [v.me, v.teams, v.history];
      if (!c || now.every((x, i) => x === seen[i])) return;
      seen = now;
      render(
        body,
        v.teams.map((team) => {
          const o = c.orders[team.id];
          const look = h("button", { type: "button", class: "small" }, t("control.teams.see-as", { name: team.name }));
          look.addEventListener("click", () => viewAs(team.id));
          const name = (id: string) => c.actions.find((a) => a.id === id)?.name ?? id;
          return h(
            "article",
            { class: "card", style: `border-inline-start: 6px solid ${team.color}` },
            h("div", { class: "row", style: "justify-content: space-between" }, own(h("h3", {}, team.name)), look),
            h(
              "p",
              { class: "dim" },
              t("control.teams.figures", { standing: Math.round(team.standing), pressure: Math.round(team.pressure) }),
            ),
            h(
              "details",
              {},
              h("summary", {}, t("control.teams.briefing")),
              own(h("p", { class: "briefing" }, c.briefings[team.id] ?? "")),
              (c.teamObjectives[team.id] ?? []).length
                ? h(
                    "ul",
                    {},
                    (c.teamObjectives[team.id] ?? []).map((x) => own(h("li", {}, x))),
                  )
                : null,
            ),
            h("h4", {}, t("control.teams.orders")),
            o
              ? h(
                  "ul",
                  {},
                  o.items.map((i) =>
                    h(
                      "li",
                      {},
                      i.target
                        ? i.sector
                          ? t("orders.item-sector", {
                              action: name(i.actionId),
                              target: partyName(v, i.target),
                              sector: sectorKindName(i.sector),
                            })
                          : t("orders.item-target", { action: name(i.actionId), target: partyName(v, i.target) })
                        : name(i.actionId),
                      h("span", { class: "dim" }, t("control.teams.by", { name: i.by })),
                    ),
                  ),
                )
              : h(
                  "p",
                  { class: "dim" },
                  v.exercise.ordersOpen ? t("control.teams.not-yet") : t("control.teams.none-pending"),
                ),
            v.history.length
              ? h(
                  "details",
                  {},
                  h("summary", {}, t("orders.earlier")),
                  v.history.map((hst) =>
                    h(
                      "div",
                      {},
                      earlier(
                        hst.turn,
                        hst.orders
                          .filter((x) => x.teamId === team.id)
                          .flatMap((x) => x.items.map((i) => name(i.actionId))),
                      ),
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

/** "Turn 2: Probe, Patch": a team's actions in an earlier turn. */
function earlier(turn: number, actions: string[]): string {
  return actions.length
    ? t("control.teams.earlier", { turn, actions: listOf(actions) })
    : t("control.teams.earlier-none", { turn });
}
