// Confidence-building measures and joint statements: propose, accept or
// reject, and the commitments in force, kept or broken. The mediator also
// convenes talks from here; a team publicly calls for restraint.
import type { ParticipantView, Proposal } from "../../shared/engine/index.ts";
import { partyOf } from "../../shared/protocol/identity.ts";
import { describeBreach, partyName } from "../../shared/words/index.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { listOf, own, signedNumber, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { t, eventWords } from "../i18n/index.ts";

export function agreementsPanel(ctx: PanelCtx): Panel {
  const me = partyOf(ctx.seat);
  const proposals = h("div", {});
  const commitments = h("div", {});
  const forms = h("div", {});
  const el = h("section", {}, h("h3", {}, t("agreements.title")), proposals, commitments, forms);
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
        h("legend", {}, t("agreements.parties")),
        v.teams.map((team) =>
          h(
            "label",
            { class: "inline" },
            h("input", { type: "checkbox", name: "party", value: team.id, checked: true, disabled: team.id === me }),
            " ",
            own(h("span", {}, team.name)),
            " ",
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
        ? t("agreements.cbm-help", {
            description: c.description,
            cost: c.cost,
            trust: signedNumber(c.trust),
            escalation: signedNumber(c.escalation),
          })
        : "";
    };
    cbm.addEventListener("change", showHelp);
    showHelp();
    const proposeCbm = h("button", { class: "primary", type: "submit" }, t("agreements.propose-cbm"));
    const s1 = statusLine();
    const cbmForm = h(
      "form",
      { class: "card", "aria-label": t("agreements.cbm-title") },
      h("h4", {}, t("agreements.cbm-title")),
      h("label", { for: "cbm-choice" }, t("agreements.measure")),
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
        t("agreements.cbm-proposed"),
      );
    });

    const text = h("textarea", {
      id: "statement-text",
      maxlength: 2000,
      rows: 3,
      placeholder: t("agreements.statement-placeholder"),
    });
    const proposeSt = h("button", { type: "submit" }, t("agreements.propose-statement"));
    const s2 = statusLine();
    const stForm = h(
      "form",
      { class: "card", "aria-label": t("agreements.statement-title") },
      h("h4", {}, t("agreements.statement-title")),
      h("label", { for: "statement-text" }, t("agreements.text")),
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
          t("agreements.statement-proposed"),
        )
      )
        text.value = "";
    });

    let convene: HTMLElement | null = null;
    if (me === "mediator") {
      const topic = h("input", {
        id: "convene-topic",
        maxlength: 200,
        placeholder: t("agreements.topic-placeholder"),
      });
      const go = h("button", { type: "submit" }, t("agreements.convene"));
      const s3 = statusLine();
      convene = h(
        "form",
        { class: "card", "aria-label": t("agreements.convene") },
        h("h4", {}, t("agreements.convene")),
        h("label", { for: "convene-topic" }, t("agreements.topic")),
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
          { type: "mediator.convene", parties: chosen(convene!), text: topic.value || t("agreements.talks") },
          t("agreements.convened"),
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
    label: t("agreements.title"),
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
  const others = v.teams.filter((team) => team.id !== me);
  const target = h(
    "select",
    { id: "restraint-target" },
    others.map((team) => h("option", { value: team.id }, team.name)),
  );
  const go = h("button", { type: "submit" }, t("agreements.restraint"));
  const status = statusLine();
  const form = h(
    "form",
    { class: "card", "aria-label": t("agreements.restraint") },
    h("h4", {}, t("agreements.restraint-title")),
    h("p", { class: "dim" }, t("agreements.restraint-hint")),
    h("label", { for: "restraint-target" }, t("agreements.call-on")),
    target,
    go,
    status,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit(ctx, go, status, { type: "restraint.call", target: target.value }, t("agreements.restraint-done"));
  });
  return form;
}

function title(v: ParticipantView, p: Proposal): string {
  return p.kind === "cbm"
    ? (v.cbms.find((c) => c.id === p.cbmId)?.name ?? t("agreements.measure"))
    : t("agreements.statement", { text: p.text.slice(0, 80) });
}

/**
 * The proposals on the table, as cards, and the earlier ones folded away. Live
 * (ctx) the parties can accept, reject or withdraw; read only (null) not.
 */
export function proposalsList(v: ParticipantView, ctx: PanelCtx | null): Child[] {
  const open = v.proposals.filter((p) => p.status === "open");
  return [
    h("h4", {}, t("agreements.on-table")),
    open.length ? open.map((p) => proposalCard(v, p, ctx)) : h("p", { class: "dim" }, t("agreements.none-open")),
    v.proposals.some((p) => p.status !== "open")
      ? h(
          "details",
          {},
          h("summary", {}, t("agreements.earlier")),
          v.proposals
            .filter((p) => p.status !== "open")
            .map((p) =>
              h("div", { class: "feed-item" }, t("agreements.earlier-item", { title: title(v, p), status: p.status })),
            ),
        )
      : null,
  ];
}

/** The commitments adopted: in force, broken (with each breach) or fulfilled. */
export function commitmentsList(v: ParticipantView): Child[] {
  return [
    h("h4", { style: "margin-top: 1em" }, t("agreements.commitments")),
    v.commitments.length
      ? v.commitments.map((c) => {
          const cbm = v.cbms.find((x) => x.id === c.cbmId);
          const badge =
            c.status === "active"
              ? h("span", { class: "badge ok" }, t("agreements.in-force"))
              : c.status === "broken"
                ? h("span", { class: "badge danger" }, t("agreements.broken"))
                : h("span", { class: "badge accent" }, t("agreements.fulfilled"));
          return h(
            "div",
            { class: "feed-item" },
            h(
              "div",
              { class: "row", style: "justify-content: space-between" },
              own(h("strong", {}, cbm?.name ?? c.cbmId)),
              badge,
            ),
            h(
              "div",
              { class: "dim" },
              t("agreements.since", { parties: listOf(c.parties.map((x) => partyName(v, x))), turn: c.adoptedTurn }),
            ),
            c.breaches.map((b) =>
              h(
                "div",
                { class: "error-text" },
                t("agreements.breach", {
                  turn: b.turn,
                  party: partyName(v, b.teamId),
                  what: describeBreach(b.reason, v, eventWords()),
                }),
              ),
            ),
          );
        })
      : h("p", { class: "dim" }, t("agreements.none-yet")),
  ];
}

function proposalCard(v: ParticipantView, p: Proposal, ctx: PanelCtx | null): HTMLElement {
  return h(
    "div",
    { class: "feed-item" },
    own(h("strong", {}, title(v, p))),
    p.kind === "cbm" ? own(h("div", { class: "dim" }, p.text)) : null,
    h("div", { class: "meta" }, t("agreements.proposed-by", { party: partyName(v, p.proposer), turn: p.turn })),
    h(
      "div",
      {},
      p.parties.map((x) =>
        h(
          "span",
          { class: `badge ${p.accepted.includes(x) ? "ok" : ""}`, style: "margin-inline-end: 0.3em" },
          p.accepted.includes(x)
            ? t("agreements.accepted-by", { party: partyName(v, x) })
            : t("agreements.awaiting", { party: partyName(v, x) }),
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
    const yes = h("button", { class: "primary small", type: "button" }, t("agreements.accept"));
    const no = h("button", { class: "danger small", type: "button" }, t("agreements.reject"));
    yes.addEventListener("click", () =>
      submit(ctx, yes, status, { type: "proposal.respond", proposalId: p.id, accept: true }, t("agreements.accepted")),
    );
    no.addEventListener("click", () =>
      submit(ctx, no, status, { type: "proposal.respond", proposalId: p.id, accept: false }, t("agreements.rejected")),
    );
    buttons.push(yes, no);
  }
  if (me && p.proposer === me) {
    const w = h("button", { class: "small", type: "button" }, t("agreements.withdraw"));
    w.addEventListener("click", () =>
      submit(ctx, w, status, { type: "proposal.withdraw", proposalId: p.id }, t("agreements.withdrawn")),
    );
    buttons.push(w);
  }
  return [buttons.length ? h("div", { class: "row", style: "margin-top: 0.4em" }, buttons) : null, status];
}
