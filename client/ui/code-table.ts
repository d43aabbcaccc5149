// The table of join codes, one row per seat with copy buttons and the link as
// a QR code (printed too): used by an exercise's codes page and by a course's
// sheet of every cell's codes.
import type { Codes } from "../net/api.ts";
import { h } from "./dom.ts";
import { t } from "../i18n/index.ts";
import { qrCode } from "./qr.ts";

export interface ScenarioTeams {
  teams: { id: string; name: string; color: string }[];
  mediator?: boolean;
}

interface Row {
  seat: string;
  who: string;
  code: string;
  color?: string;
}

function rowsOf(codes: Codes, scenario: ScenarioTeams | undefined): Row[] {
  const team = (id: string) => scenario?.teams.find((x) => x.id === id);
  return [
    ...Object.entries(codes.teams).map(([id, code]) => ({
      seat: team(id)?.name ?? id,
      who: t("codes.who-team"),
      code,
      color: team(id)?.color ?? "#888",
    })),
    ...(codes.mediator ? [{ seat: t("codes.seat-mediator"), who: t("codes.who-mediator"), code: codes.mediator }] : []),
    { seat: t("codes.seat-observers"), who: t("codes.who-observers"), code: codes.observer },
    { seat: t("codes.seat-control"), who: t("codes.who-control"), code: codes.facilitator },
    ...(codes.display
      ? [
          {
            seat: t("codes.seat-display"),
            who: t("codes.who-display"),
            code: codes.display,
          },
        ]
      : []),
  ];
}

/** A button copying `text`; `label` names it for screen readers. */
export function copyButton(text: string, label: string): HTMLButtonElement {
  const b = h("button", { class: "small no-print", type: "button", "aria-label": label }, t("codes.copy"));
  b.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = t("codes.copied");
    } catch {
      b.textContent = t("codes.copy-by-hand");
    }
    setTimeout(() => (b.textContent = t("codes.copy")), 2000);
  });
  return b;
}

/** A team's name is the scenario's word, not the interface's: it reads in its own direction. */
function ownDir(el: HTMLElement): HTMLElement {
  el.dir = "auto";
  return el;
}

/** A copy button's label, in the participant's language. */
function copyLabel(what: "code" | "link", seat: string): string {
  return what === "code" ? t("codes.copy-code", { seat }) : t("codes.copy-link", { seat });
}

/** Seat, code and link per row; `link(code)` makes the join link. */
export function codeTable(
  codes: Codes,
  scenario: ScenarioTeams | undefined,
  link: (code: string) => string,
): HTMLElement {
  return h(
    "table",
    { class: "code-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, t("codes.th-seat")),
        h("th", {}, t("codes.th-code")),
        h("th", {}, t("codes.th-link")),
        h("th", {}, t("codes.th-qr")),
      ),
    ),
    h(
      "tbody",
      {},
      rowsOf(codes, scenario).map((r) =>
        h(
          "tr",
          { "data-seat": r.seat },
          h(
            "td",
            {},
            h(
              "strong",
              {},
              r.color ? h("span", { class: "swatch", style: `background:${r.color}` }) : null,
              r.color ? ownDir(h("span", {}, r.seat)) : r.seat,
            ),
            h("br"),
            h("small", {}, r.who),
          ),
          h("td", {}, h("span", { class: "code" }, r.code), " ", copyButton(r.code, copyLabel("code", r.seat))),
          h(
            "td",
            {},
            h("span", { class: "link" }, link(r.code)),
            " ",
            copyButton(link(r.code), copyLabel("link", r.seat)),
          ),
          h("td", { class: "qr-cell" }, qrCode(link(r.code), t("codes.qr-label", { seat: r.seat }))),
        ),
      ),
    ),
  );
}
