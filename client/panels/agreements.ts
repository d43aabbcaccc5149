// Confidence-building measures and joint statements: propose, accept or
// reject, and the commitments in force, kept or broken. The mediator also
// convenes talks from here; a team publicly calls for restraint.
import type { ParticipantView, Proposal } from "../../shared/engine/index.ts";
import { partyOf } from "../../shared/protocol/identity.ts";
import { describeBreach, partyName } from "../../shared/words/index.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";

export function agreementsPanel(ctx: PanelCtx): Panel {
  const me = partyOf(ctx.seat);
  const proposals = h("div", {});
  const commitments = h("div", {});
  const forms = h("div", {});
  const el = h("section", {}, h("h3", {}, "Agreements"), proposals, commitments, forms);
  let view: ParticipantView | null = null;
  let formsDrawn = false;

  const drawProposals = () => {
    render(proposals, proposalsList(view!, ctx));
    render(commitments, commitmentsList(view!));
  };

  const drawForms = () => {
    const v = view!;
    if (!me) return;
    const parties = () =>
      h(
        "fieldset",
        {},
        h("legend", {}, "Parties"),
        v.teams.map((t) =>
          h(
            "label",
            { class: "inline" },
            h("input", { type: "checkbox", name: "party", value: t.id, checked: true, disabled: t.id === me }),
            ` ${t.name} `,
          ),
        ),
      );
    const chosen = (form: HTMLElement) =>
      [...form.querySelectorAll<HTMLInputElement>("input[name=party]")].filter((i) => i.checked).map((i) => i.value);

    const cbm = h(
      "select",
      { id: "cbm-choice" },
      v.cbms.map((c) => h("option", { value: c.id }, c.name)),
    );
    const cbmHelp = h("p", { class: "dim" });
    const showHelp = () => {
      const c = v.cbms.find((x) => x.id === cbm.value);
      cbmHelp.textContent = c
        ? `${c.description} Each party takes on ${c.cost} domestic pressure; ` +
          `trust ${c.trust >= 0 ? "+" : ""}${c.trust} between parties; ` +
          `escalation ${c.escalation >= 0 ? "+" : ""}${c.escalation}.`
        : "";
    };
    cbm.addEventListener("change", showHelp);
    showHelp();
    const proposeCbm = h("button", { class: "primary", type: "submit" }, "Propose measure");
    const s1 = statusLine();
    const cbmForm = h(
      "form",
      { class: "card", "aria-label": "Propose a confidence-building measure" },
      h("h4", {}, "Propose a confidence-building measure"),
      h("label", { for: "cbm-choice" }, "Measure"),
      cbm,
      cbmHelp,
      parties(),
      proposeCbm,
      s1,
    );
    cbmForm.addEventListener("submit", (e) => {
      e.preventDefault();
      void submit(
        ctx,
        proposeCbm,
        s1,
        { type: "proposal.create", kind: "cbm", cbmId: cbm.value, parties: chosen(cbmForm) },
        "Measure proposed",
      );
    });

    const text = h("textarea", { id: "statement-text", maxlength: 2000, rows: 3, placeholder: "The parties affirm…" });
    const proposeSt = h("button", { type: "submit" }, "Propose joint statement");
    const s2 = statusLine();
    const stForm = h(
      "form",
      { class: "card", "aria-label": "Propose a joint statement" },
      h("h4", {}, "Propose a joint statement"),
      h("label", { for: "statement-text" }, "Text"),
      text,
      parties(),
      proposeSt,
      s2,
    );
    stForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (
        await submit(
          ctx,
          proposeSt,
          s2,
          { type: "proposal.create", kind: "statement", text: text.value, parties: chosen(stForm) },
          "Statement proposed",
        )
      )
        text.value = "";
    });

    let convene: HTMLElement | null = null;
    if (me === "mediator") {
      const topic = h("input", {
        id: "convene-topic",
        maxlength: 200,
        placeholder: "e.g. Technical talks on the grid incident",
      });
      const go = h("button", { type: "submit" }, "Convene talks");
      const s3 = statusLine();
      convene = h(
        "form",
        { class: "card", "aria-label": "Convene talks" },
        h("h4", {}, "Convene talks"),
        h("label", { for: "convene-topic" }, "Topic"),
        topic,
        parties(),
        go,
        s3,
      );
      convene.addEventListener("submit", (e) => {
        e.preventDefault();
        void submit(
          ctx,
          go,
          s3,
          { type: "mediator.convene", parties: chosen(convene!), text: topic.value || "Talks" },
          "Talks convened",
        );
      });
    }
    render(
      forms,
      convene,
      me === "mediator" ? null : restraintForm(ctx, v, me),
      v.cbms.length ? cbmForm : null,
      stForm,
    );
  };

  let seen: unknown[] = [];
  return {
    id: "agreements",
    label: "Agreements",
    el,
    update(v) {
      view = v;
      if (!formsDrawn) {
        drawForms();
        formsDrawn = true;
      }
      const now = [v.proposals, v.commitments];
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      drawProposals();
    },
    badge: (v) =>
      me && me !== "mediator"
        ? v.proposals.filter((p) => p.status === "open" && p.parties.includes(me) && !p.accepted.includes(me)).length
        : 0,
  };
}

/** A team's public call on another state for restraint (restraint.call); the engine says when it is refused. */
function restraintForm(ctx: PanelCtx, v: ParticipantView, me: string): HTMLElement {
  const others = v.teams.filter((t) => t.id !== me);
  const target = h(
    "select",
    { id: "restraint-target" },
    others.map((t) => h("option", { value: t.id }, t.name)),
  );
  const go = h("button", { type: "submit" }, "Call for restraint");
  const status = statusLine();
  const form = h(
    "form",
    { class: "card", "aria-label": "Call for restraint" },
    h("h4", {}, "Call publicly for restraint"),
    h(
      "p",
      { class: "dim" },
      "Everyone hears it. During Deliberation, once a turn. The turn's first credible call lowers escalation by 1; " +
        "a hostile act of yours that everyone saw, this turn or the last, takes the weight out of it.",
    ),
    h("label", { for: "restraint-target" }, "Call on"),
    target,
    go,
    status,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit(ctx, go, status, { type: "restraint.call", target: target.value }, "Call for restraint made");
  });
  return form;
}

function title(v: ParticipantView, p: Proposal): string {
  return p.kind === "cbm"
    ? (v.cbms.find((c) => c.id === p.cbmId)?.name ?? "Measure")
    : `Joint statement: “${p.text.slice(0, 80)}”`;
}

/**
 * The proposals on the table, as cards, and the earlier ones folded away. Live
 * (ctx) the parties can accept, reject or withdraw; read only (null) not.
 */
export function proposalsList(v: ParticipantView, ctx: PanelCtx | null): Child[] {
  const open = v.proposals.filter((p) => p.status === "open");
  return [
    h("h4", {}, "On the table"),
    open.length ? open.map((p) => proposalCard(v, p, ctx)) : h("p", { class: "dim" }, "No open proposal."),
    v.proposals.some((p) => p.status !== "open")
      ? h(
          "details",
          {},
          h("summary", {}, "Earlier proposals"),
          v.proposals
            .filter((p) => p.status !== "open")
            .map((p) => h("div", { class: "feed-item" }, `${title(v, p)} — ${p.status}`)),
        )
      : null,
  ];
}

/** The commitments adopted: in force, broken (with each breach) or fulfilled. */
export function commitmentsList(v: ParticipantView): Child[] {
  return [
    h("h4", { style: "margin-top: 1em" }, "Commitments"),
    v.commitments.length
      ? v.commitments.map((c) => {
          const cbm = v.cbms.find((x) => x.id === c.cbmId);
          const badge =
            c.status === "active"
              ? h("span", { class: "badge ok" }, "✓ in force")
              : c.status === "broken"
                ? h("span", { class: "badge danger" }, "✕ broken")
                : h("span", { class: "badge accent" }, "✓ fulfilled");
          return h(
            "div",
            { class: "feed-item" },
            h(
              "div",
              { class: "row", style: "justify-content: space-between" },
              h("strong", {}, cbm?.name ?? c.cbmId),
              badge,
            ),
            h(
              "div",
              { class: "dim" },
              `${c.parties.map((t) => partyName(v, t)).join(", ")} · since turn ${c.adoptedTurn}`,
            ),
            c.breaches.map((b) =>
              h(
                "div",
                { class: "error-text" },
                `Turn ${b.turn}: ${partyName(v, b.teamId)} ${describeBreach(b.reason, v)}`,
              ),
            ),
          );
        })
      : h("p", { class: "dim" }, "None yet."),
  ];
}

function proposalCard(v: ParticipantView, p: Proposal, ctx: PanelCtx | null): HTMLElement {
  return h(
    "div",
    { class: "feed-item" },
    h("strong", {}, title(v, p)),
    p.kind === "cbm" ? h("div", { class: "dim" }, p.text) : null,
    h("div", { class: "meta" }, `Proposed by ${partyName(v, p.proposer)} · turn ${p.turn}`),
    h(
      "div",
      {},
      p.parties.map((t) =>
        h(
          "span",
          { class: `badge ${p.accepted.includes(t) ? "ok" : ""}`, style: "margin-right: 0.3em" },
          `${p.accepted.includes(t) ? "✓" : "…"} ${partyName(v, t)}`,
        ),
      ),
    ),
    ctx ? proposalActions(ctx, v, p) : null,
  );
}

/** What the viewer's party can do with a proposal: accept or reject it, or withdraw its own. */
function proposalActions(ctx: PanelCtx, v: ParticipantView, p: Proposal): Child {
  const me = partyOf(v.viewer);
  const status = statusLine();
  const buttons: HTMLElement[] = [];
  if (me && me !== "mediator" && p.parties.includes(me) && !p.accepted.includes(me)) {
    const yes = h("button", { class: "primary small", type: "button" }, "Accept");
    const no = h("button", { class: "danger small", type: "button" }, "Reject");
    yes.addEventListener("click", () =>
      submit(ctx, yes, status, { type: "proposal.respond", proposalId: p.id, accept: true }, "Accepted"),
    );
    no.addEventListener("click", () =>
      submit(ctx, no, status, { type: "proposal.respond", proposalId: p.id, accept: false }, "Rejected"),
    );
    buttons.push(yes, no);
  }
  if (me && p.proposer === me) {
    const w = h("button", { class: "small", type: "button" }, "Withdraw");
    w.addEventListener("click", () =>
      submit(ctx, w, status, { type: "proposal.withdraw", proposalId: p.id }, "Withdrawn"),
    );
    buttons.push(w);
  }
  return [buttons.length ? h("div", { class: "row", style: "margin-top: 0.4em" }, buttons) : null, status];
}
