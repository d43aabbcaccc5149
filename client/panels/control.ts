// Control's console: run the flow, adjust escalation (escalation-form.ts), write
// ad-hoc injects, decide what observers see, and see who is connected.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { CHANNELS } from "../../shared/scenario/schema.ts";
import { append, h, render } from "../ui/dom.ts";
import { statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { seatFor } from "../net/seats.ts";
import { call, type Codes } from "../net/api.ts";
import { downloadReport, type ReportFormat } from "../net/download.ts";
import { channelLabel, glossaryOf, outcomeWords } from "../../shared/words/index.ts";
import { botSeatsCard } from "./bot-seats.ts";
import { escalationForm } from "./escalation-form.ts";
import { reviewCard } from "./review.ts";
import { setValueCard } from "./set-value.ts";
import { injectActs } from "./inject-acts.ts";
import { confirmDialog, type ConfirmOptions } from "../ui/dialog.ts";

/** The replay and the after-action report, available at any time (a running exercise reports so far). */
function afterAction(ctx: PanelCtx): HTMLElement {
  const status = statusLine();
  const id = ctx.seat.exerciseId;
  const code = seatFor(id, "facilitator")?.code ?? "";
  const get = (format: ReportFormat, label: string) => {
    const b = h("button", { type: "button", class: "small" }, label);
    b.addEventListener("click", async () => {
      status.className = "pending-text";
      status.textContent = "Preparing…";
      try {
        await downloadReport(id, code, format);
        status.className = "ok-text";
        status.textContent = `✓ ${label} downloaded`;
      } catch (err) {
        status.className = "error-text";
        status.textContent = `✕ ${(err as Error).message}`;
      }
    });
    return b;
  };
  return h(
    "article",
    { class: "card", "aria-label": "After the exercise" },
    h("h4", {}, "After the exercise"),
    h(
      "p",
      { class: "dim" },
      "Replay it from any point of view, or take the after-action report (it covers the exercise so far).",
    ),
    h(
      "div",
      { class: "row" },
      h("a", { class: "button small primary", href: `/replay/${id}` }, "Open the replay"),
      get("html", "Report (HTML)"),
      get("md", "Markdown"),
      get("csv", "Timeline (CSV)"),
      get("json", "Recording (JSON)"),
    ),
    status,
  );
}

export function controlPanel(ctx: PanelCtx): Panel {
  const flowButtons = h("div", { class: "row" });
  const flowStatus = statusLine();
  const ordersBox = h("div", {});
  const people = h("div", {});

  const esc = escalationForm(ctx);
  const escForm = esc.el;
  const review = reviewCard(ctx);
  const setValue = setValueCard(ctx);

  const injTitle = h("input", { id: "adhoc-title", maxlength: 200 });
  const injBody = h("textarea", { id: "adhoc-body", maxlength: 2000, rows: 3 });
  const injChannel = h(
    "select",
    { id: "adhoc-channel" },
    CHANNELS.map((c) => h("option", { value: c }, channelLabel(c))),
  );
  const audienceBox = h("fieldset", {}, h("legend", {}, "Audience"));
  const acts = injectActs();
  const release = h("button", { class: "primary", type: "submit" }, "Release inject");
  const injStatus = statusLine();
  const injForm = h(
    "form",
    { class: "card", "aria-label": "Ad-hoc inject" },
    h("h4", {}, "Ad-hoc inject"),
    h("label", { for: "adhoc-title" }, "Title"),
    injTitle,
    h("label", { for: "adhoc-body" }, "Text"),
    injBody,
    h("label", { for: "adhoc-channel" }, "Channel"),
    injChannel,
    audienceBox,
    acts.el,
    release,
    injStatus,
  );
  injForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const audience = [...audienceBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
    const does = acts.read(injTitle.value.trim());
    if (!audience.length || typeof does === "string") {
      injStatus.className = "error-text";
      injStatus.textContent = `✕ ${typeof does === "string" ? does : "Choose who receives it"}`;
      return;
    }
    const ok = await submit(
      ctx,
      release,
      injStatus,
      {
        type: "inject.create",
        title: injTitle.value,
        body: injBody.value,
        channel: injChannel.value as (typeof CHANNELS)[number],
        audience,
        ...does,
      },
      `Inject “${injTitle.value}” released`,
    );
    if (ok) {
      injTitle.value = "";
      injBody.value = "";
    }
  });

  const seeAll = h("input", { type: "checkbox", id: "observers-all" });
  const seeStatus = statusLine();
  seeAll.addEventListener("change", () => {
    void ctx.session
      .command(
        { type: "observers.visibility", seeAll: seeAll.checked },
        seeAll.checked ? "Observers now see every channel" : "Observers see the public picture",
      )
      .catch((err: Error) => {
        seeStatus.className = "error-text";
        seeStatus.textContent = `✕ ${err.message}`;
      });
  });

  const report = afterAction(ctx);
  const bots = botSeatsCard(ctx);
  const codesLink = h("a", { class: "button small", href: `/exercise/${ctx.seat.exerciseId}/codes` }, "Join codes");
  const flow = h(
    "article",
    { class: "card", "aria-label": "Exercise flow" },
    h(
      "div",
      { class: "row", style: "justify-content: space-between" },
      h("h4", {}, "Flow"),
      h("div", { class: "row" }, projectorLink(ctx), codesLink),
    ),
    flowButtons,
    flowStatus,
  );
  const el = h(
    "section",
    { class: "stack" },
    flow,
    review.el,
    ordersBox,
    escForm,
    setValue.el,
    injForm,
    h(
      "article",
      { class: "card" },
      h("h4", {}, "Observers"),
      h(
        "label",
        { class: "inline", for: "observers-all" },
        seeAll,
        "Observers see every channel (briefings, chats, hotline)",
      ),
      seeStatus,
    ),
    h("article", { class: "card", "aria-label": "Who is connected" }, h("h4", {}, "Who is connected"), people),
    bots.el,
    report,
  );

  const button = (label: string, cmd: Parameters<typeof submit>[3], cls = "", ask?: ConfirmOptions, done = label) => {
    const b = h("button", { type: "button", class: cls }, label);
    b.addEventListener("click", async () => {
      if (ask && !(await confirmDialog(ask))) return;
      void submit(ctx, b, flowStatus, cmd, done);
    });
    return b;
  };

  // whether a held agreement ends the exercise (rules 3.0): one button that switches it
  const agreementChoice = (ends: boolean) =>
    button(
      ends ? "Play on after an agreement" : "End at a held agreement",
      { type: "agreement.ending", ends: !ends },
      "",
      undefined,
      ends ? "Play will continue after a held agreement" : "A held agreement will end the exercise",
    );

  const drawFlow = (v: ParticipantView) => {
    const x = v.exercise;
    const next =
      x.phaseIndex + 1 < x.phases.length
        ? x.phases[x.phaseIndex + 1]!.name
        : x.turn >= x.turns
          ? "the end"
          : `turn ${x.turn + 1}`;
    const c = v.me?.kind === "control" ? v.me : null;
    const intoAdjudication = x.status !== "setup" && x.phases[x.phaseIndex + 1]?.kind === "adjudication";
    const late = c && intoAdjudication ? v.teams.filter((t) => !c.orders[t.id]).map((t) => t.name) : [];
    // the two advances that cannot be taken back ask first
    const warning: ConfirmOptions | undefined =
      next === "the end"
        ? { title: "Advance to the end?", body: "This ends the exercise.", confirm: "End the exercise", danger: true }
        : late.length
          ? {
              title: `Advance to ${next}?`,
              body: `${late.join(" and ")} ${late.length === 1 ? "has" : "have"} not submitted orders and will take no action this turn.`,
              confirm: `Advance to ${next}`,
            }
          : undefined;
    const advance = () =>
      x.underReview
        ? h("span", { class: "pending-text" }, "Adjudication under review: approve it below to move on")
        : button(
            `Advance to ${next} →`,
            { type: "phase.advance", ...(x.phase ? { from: { turn: x.turn, phase: x.phase.id } } : {}) },
            "primary",
            warning,
            next === "the end" ? "Exercise ended" : `Moved on to ${next}`,
          );
    render(
      flowButtons,
      x.status === "setup"
        ? button("Start the exercise", { type: "exercise.start" }, "primary", undefined, "Exercise started")
        : null,
      x.status === "running"
        ? [advance(), button("Pause", { type: "exercise.pause" }, "", undefined, "Paused: every timer has stopped")]
        : null,
      x.status === "paused"
        ? [button("Resume", { type: "exercise.resume" }, "primary", undefined, "Resumed"), advance()]
        : null,
      x.agreement && (x.status === "running" || x.status === "paused") ? agreementChoice(x.agreement.ends) : null,
      x.status === "running" || x.status === "paused"
        ? button(
            "End exercise",
            { type: "exercise.end" },
            "danger",
            { title: "End the exercise now?", body: "This cannot be undone.", confirm: "End exercise", danger: true },
            "Exercise ended",
          )
        : null,
      x.outcome
        ? h("p", {}, h("strong", {}, "Ended. "), outcomeWords(x.outcome.kind, x.outcome.reason, glossaryOf(v)))
        : null,
    );
    seeAll.checked = x.observersSeeAll;
    // once it has ended, the after-action tools come first and the live controls go
    const ended = x.status === "ended";
    escForm.hidden = ended;
    injForm.hidden = ended;
    if (ended && el.children[1] !== report) flow.after(report);
    render(
      ordersBox,
      c && x.ordersOpen
        ? h(
            "article",
            { class: "card", "aria-label": "Orders this turn" },
            h("h4", {}, "Orders this turn"),
            h(
              "ul",
              {},
              v.teams.map((t) =>
                h(
                  "li",
                  {},
                  `${t.name}: `,
                  c.orders[t.id]
                    ? h(
                        "span",
                        { class: "ok-text" },
                        `✓ submitted by ${c.orders[t.id]!.submittedBy} (${c.orders[t.id]!.items.length})`,
                      )
                    : h("span", { class: "pending-text" }, "… not yet"),
                ),
              ),
            ),
          )
        : null,
    );
  };

  const drawAudience = (v: ParticipantView) => {
    const opt = (value: string, label: string, checked = false) =>
      h("label", { class: "inline" }, h("input", { type: "checkbox", value, checked }), ` ${label} `);
    append(audienceBox, [
      opt("all", "Everyone", true),
      v.teams.map((t) => opt(t.id, t.name)),
      v.mediator ? opt("mediator", v.mediator.name) : null,
      opt("observers", "Observers"),
      opt("facilitator", "Control only"),
    ]);
  };

  let names: ParticipantView | null = null;
  const seatLabel = (p: { role: string; teamId: string | null }) =>
    p.role === "team"
      ? (names?.teams.find((t) => t.id === p.teamId)?.name ?? p.teamId ?? "team")
      : p.role === "facilitator"
        ? "control"
        : p.role === "mediator"
          ? (names?.mediator?.name ?? "mediator")
          : p.role;
  const drawPeople = () => {
    const list = ctx.session.presence;
    render(
      people,
      list.length
        ? h(
            "ul",
            { class: "plain-list" },
            list.map((p) =>
              h(
                "li",
                {},
                p.connected ? "● " : "○ ",
                `${p.name} — ${seatLabel(p)}`,
                p.connected ? "" : h("span", { class: "pending-text" }, " (reconnecting)"),
              ),
            ),
          )
        : h("p", { class: "dim" }, "Nobody yet."),
    );
  };
  ctx.session.onPresence(drawPeople);
  let last: ParticipantView | null = null;
  ctx.session.onPresence(() => last && bots.update(last));

  let drawnAudience = false;
  let seen: unknown[] = [];
  return {
    id: "control",
    label: "Control",
    el,
    update(v) {
      if (!drawnAudience) {
        names = v;
        drawAudience(v);
        drawnAudience = true;
        drawPeople();
      }
      last = v;
      bots.update(v);
      esc.update(v);
      acts.update(v);
      review.update(v);
      setValue.update(v);
      const now = [v.exercise, v.me, v.teams];
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      drawFlow(v);
    },
  };
}

/**
 * "Projector view": opens the public display in a new window, with the exercise's display code (from control's
 * details), so what the room sees is the public picture and never control's screen.
 */
function projectorLink(ctx: PanelCtx): HTMLElement {
  const link = h(
    "a",
    {
      class: "button small",
      "aria-disabled": "true",
      title: "Opens the public display for the projector: only what everyone may see",
    },
    "Projector view",
  );
  // a window of its own, which cannot reach back into the console
  link.target = "_blank";
  link.rel = "noopener";
  const stored = seatFor(ctx.seat.exerciseId, "facilitator");
  if (!stored) return link;
  void call<{ codes: Codes }>("GET", `/exercises/${ctx.seat.exerciseId}`, undefined, stored.code)
    .then(({ codes }) => {
      if (!codes.display) return;
      link.setAttribute("href", `/display/${ctx.seat.exerciseId}#code=${encodeURIComponent(codes.display)}`);
      link.removeAttribute("aria-disabled");
    })
    .catch((err: Error) => (link.title = `The projector view is unavailable: ${err.message}`));
  return link;
}
