// The table of join codes, one row per seat with copy buttons and the link as
// a QR code (printed too): used by an exercise's codes page and by a course's
// sheet of every cell's codes.
import type { Codes } from "../net/api.ts";
import { h } from "./dom.ts";
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
  const team = (id: string) => scenario?.teams.find((t) => t.id === id);
  return [
    ...Object.entries(codes.teams).map(([id, code]) => ({
      seat: team(id)?.name ?? id,
      who: "State team — everyone in the team uses this code",
      code,
      color: team(id)?.color ?? "#888",
    })),
    ...(codes.mediator ? [{ seat: "Mediator", who: "Neutral intermediary", code: codes.mediator }] : []),
    { seat: "Observers", who: "Evaluators and guests: watch and take notes", code: codes.observer },
    { seat: "Control", who: "Facilitators only — keep this one to yourselves", code: codes.facilitator },
    ...(codes.display
      ? [
          {
            seat: "Projector display",
            who: "The room's projector: shows only what everyone may see",
            code: codes.display,
          },
        ]
      : []),
  ];
}

export function copyButton(text: string, what: string): HTMLButtonElement {
  const b = h("button", { class: "small no-print", type: "button", "aria-label": `Copy ${what}` }, "Copy");
  b.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = "Copied";
    } catch {
      b.textContent = "Select and copy by hand";
    }
    setTimeout(() => (b.textContent = "Copy"), 2000);
  });
  return b;
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
    h("thead", {}, h("tr", {}, h("th", {}, "Seat"), h("th", {}, "Code"), h("th", {}, "Link"), h("th", {}, "QR code"))),
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
            h("strong", {}, r.color ? h("span", { class: "swatch", style: `background:${r.color}` }) : null, r.seat),
            h("br"),
            h("small", {}, r.who),
          ),
          h("td", {}, h("span", { class: "code" }, r.code), " ", copyButton(r.code, `${r.seat} code`)),
          h("td", {}, h("span", { class: "link" }, link(r.code)), " ", copyButton(link(r.code), `${r.seat} link`)),
          h("td", { class: "qr-cell" }, qrCode(link(r.code), `QR code of the ${r.seat} join link`)),
        ),
      ),
    ),
  );
}
