// The page control hands out: one join code and link per seat, with copy
// buttons, printable (one row per seat, cut into slips).
import { brand, h, render } from "../ui/dom.ts";
import { call, type Codes } from "../net/api.ts";
import { seatFor } from "../net/seats.ts";

interface ExerciseSummary {
  exerciseId: string;
  roomId: string;
  title: string;
  scenarioId: string;
  seed: string;
  status: string;
  turns: number;
  codes: Codes;
}

export async function codesPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const roomId = params.id!;
  const seat = seatFor(roomId, "facilitator");
  if (!seat || seat.role !== "facilitator") {
    render(
      root,
      h("main", { class: "page" }, h("header", { class: "page-header" }, brand()), h("p", { role: "alert" }, "Only the facilitator who created this exercise can see its join codes in this browser. Open the control console with the facilitator's link first.")),
    );
    return;
  }
  let ex: ExerciseSummary;
  try {
    ex = await call<ExerciseSummary>("GET", `/exercises/${roomId}`, undefined, seat.code);
  } catch (err) {
    render(root, h("main", { class: "page" }, h("p", { role: "alert", class: "error-text" }, (err as Error).message)));
    return;
  }
  const scenario = await call<{ id: string; teams: { id: string; name: string; color: string }[] }[]>("GET", "/scenarios").then((l) => l.find((s) => s.id === ex.scenarioId));
  const teamName = (id: string) => scenario?.teams.find((t) => t.id === id)?.name ?? id;
  const teamColor = (id: string) => scenario?.teams.find((t) => t.id === id)?.color ?? "#888";
  // links must work on participants' machines: localhost would not
  const health = await call<{ joinBases: string[] }>("GET", "/health").catch(() => ({ joinBases: [] as string[] }));
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  const bases = [...new Set([...(local ? health.joinBases : []), location.origin, ...(local ? [] : health.joinBases)])];
  let base = bases[0]!;
  const link = (code: string) => `${base}/join?code=${code}`;
  const baseSelect = h("select", { id: "join-base", style: "width: auto" }, bases.map((b) => h("option", { value: b }, b)));
  baseSelect.addEventListener("change", () => {
    base = baseSelect.value;
    void codesPage(root, { ...params, base });
  });
  if (params.base && bases.includes(params.base)) {
    base = params.base;
    baseSelect.value = base;
  }

  const rows: { seat: string; who: string; code: string; color?: string }[] = [
    ...Object.entries(ex.codes.teams).map(([id, code]) => ({ seat: teamName(id), who: "State team — everyone in the team uses this code", code, color: teamColor(id) })),
    ...(ex.codes.mediator ? [{ seat: "Mediator", who: "Neutral intermediary", code: ex.codes.mediator }] : []),
    { seat: "Observers", who: "Evaluators and guests: watch and take notes", code: ex.codes.observer },
    { seat: "Control", who: "Facilitators only — keep this one to yourselves", code: ex.codes.facilitator },
  ];

  const copyButton = (text: string, what: string) => {
    const b = h("button", { class: "small no-print", type: "button", "aria-label": `Copy ${what}` }, "Copy");
    b.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text);
        b.textContent = "Copied ✓";
      } catch {
        b.textContent = "Select and copy by hand";
      }
      setTimeout(() => (b.textContent = "Copy"), 2000);
    });
    return b;
  };

  render(
    root,
    h(
      "main",
      { class: "page" },
      h("header", { class: "page-header no-print" }, brand(), h("div", { class: "row" }, h("button", { type: "button", onclick: () => window.print() }, "Print"), h("a", { class: "button primary", href: `/exercise/${roomId}?as=facilitator` }, "Open the control console →"))),
      h("h1", {}, ex.title),
      h("p", { class: "dim" }, `Exercise ${ex.exerciseId} · scenario ${ex.scenarioId} · seed ${ex.seed} · ${ex.turns} turns`),
      h("p", {}, "Give each group its code or link. Participants open the link (or go to this server's address and type the code), enter their name, and land in their seat."),
      h("p", { class: "no-print" }, h("label", { class: "inline", for: "join-base" }, "Links use the address ", baseSelect), local ? h("span", { class: "dim" }, " — this computer's address on the network, so the links work on participants' machines.") : null),
      h(
        "table",
        { class: "code-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Seat"), h("th", {}, "Code"), h("th", {}, "Link"))),
        h(
          "tbody",
          {},
          rows.map((r) =>
            h(
              "tr",
              { "data-seat": r.seat },
              h("td", {}, h("strong", {}, r.color ? h("span", { class: "swatch", style: `background:${r.color}` }) : null, r.seat), h("br"), h("small", {}, r.who)),
              h("td", {}, h("span", { class: "code" }, r.code), " ", copyButton(r.code, `${r.seat} code`)),
              h("td", {}, h("span", { class: "link" }, link(r.code)), " ", copyButton(link(r.code), `${r.seat} link`)),
            ),
          ),
        ),
      ),
    ),
  );
}
