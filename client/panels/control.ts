// Control's console: run the flow, adjust escalation (escalation-form.ts), write
// ad-hoc injects, decide what observers see, and see who is connected.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { CHANNELS } from "../../shared/scenario/schema.ts";
import { append, h, render } from "../ui/dom.ts";
import { andList, own, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { afterAction, projectorLink } from "./control-links.ts";
import { channelLabel, glossaryOf, outcomeWords } from "../../shared/words/index.ts";
import { botSeatsCard } from "./bot-seats.ts";
import { escalationForm } from "./escalation-form.ts";
import { reviewCard } from "./review.ts";
import { setValueCard } from "./set-value.ts";
import { injectActs } from "./inject-acts.ts";
import { confirmDialog, type ConfirmOptions } from "../ui/dialog.ts";
import { t, eventWords } from "../i18n/index.ts";

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
    CHANNELS.map((c) => h("option", { value: c }, channelLabel(c, eventWords()))),
  );
  const audienceBox = h("fieldset", {}, h("legend", {}, t("control.inject.audience")));
  const acts = injectActs();
  const release = h("button", { class: "primary", type: "submit" }, t("control.inject.release"));
  const injStatus = statusLine();
  const injForm = h(
    "form",
    { class: "card", "aria-label": t("control.inject.title") },
    h("h4", {}, t("control.inject.title")),
    h("label", { for: "adhoc-title" }, t("control.inject.title-label")),
    injTitle,
    h("label", { for: "adhoc-body" }, t("control.inject.text")),
    injBody,
    h("label", { for: "adhoc-channel" }, t("control.inject.channel")),
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
      injStatus.textContent = `✕ ${typeof does === "string" ? does : t("control.inject.no-audience")}`;
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
      t("control.inject.released", { title: injTitle.value }),
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
        seeAll.checked ? t("control.observers.all-done") : t("control.observers.public-done"),
      )
      .catch((err: Error) => {
        seeStatus.className = "error-text";
        seeStatus.textContent = `✕ ${err.message}`;
      });
  });

  const report = afterAction(ctx);
  const bots = botSeatsCard(ctx);
  const codesLink = h(
    "a",
    { class: "button small", href: `/exercise/${ctx.seat.exerciseId}/codes` },
    t("control.codes"),
  );
  const flow = h(
    "article",
    { class: "card", "aria-label": t("control.flow.label") },
    h(
      "div",
      { class: "row", style: "justify-content: space-between" },
      h("h4", {}, t("control.flow.title")),
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
      h("h4", {}, t("control.observers.title")),
      h("label", { class: "inline", for: "observers-all" }, seeAll, t("control.observers.all")),
      seeStatus,
    ),
    h(
      "article",
      { class: "card", "aria-label": t("control.people.title") },
      h("h4", {}, t("control.people.title")),
      people,
    ),
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
      ends ? t("control.agreement.play-on") : t("control.agreement.end-at"),
      { type: "agreement.ending", ends: !ends },
      "",
      undefined,
      ends ? t("control.agreement.play-on-done") : t("control.agreement.end-at-done"),
    );

  const drawFlow = (v: ParticipantView) => {
    const x = v.exercise;
    const toEnd = x.phaseIndex + 1 >= x.phases.length && x.turn >= x.turns;
    const next = toEnd
      ? ""
      : x.phaseIndex + 1 < x.phases.length
        ? x.phases[x.phaseIndex + 1]!.name
        : t("control.flow.turn", { turn: x.turn + 1 });
    const c = v.me?.kind === "control" ? v.me : null;
    const intoAdjudication = x.status !== "setup" && x.phases[x.phaseIndex + 1]?.kind === "adjudication";
    const late = c && intoAdjudication ? v.teams.filter((t) => !c.orders[t.id]).map((t) => t.name) : [];
    // the two advances that cannot be taken back ask first
    const warning: ConfirmOptions | undefined = toEnd
      ? {
          title: t("control.flow.end-title"),
          body: t("control.flow.end-body"),
          confirm: t("control.flow.end-confirm"),
          danger: true,
        }
      : late.length
        ? {
            title: t("control.flow.late-title", { next }),
            body: t("control.flow.late-body", { teams: andList(late), count: late.length }),
            confirm: t("control.flow.late-confirm", { next }),
          }
        : undefined;
    const advance = () =>
      x.underReview
        ? h("span", { class: "pending-text" }, t("control.flow.under-review"))
        : button(
            toEnd ? t("control.flow.advance-end") : t("control.flow.advance", { next }),
            { type: "phase.advance", ...(x.phase ? { from: { turn: x.turn, phase: x.phase.id } } : {}) },
            "primary",
            warning,
            toEnd ? t("control.flow.ended") : t("control.flow.moved", { next }),
          );
    render(
      flowButtons,
      x.status === "setup"
        ? button(t("control.flow.start"), { type: "exercise.start" }, "primary", undefined, t("control.flow.started"))
        : null,
      x.status === "running"
        ? [
            advance(),
            button(t("control.flow.pause"), { type: "exercise.pause" }, "", undefined, t("control.flow.paused")),
          ]
        : null,
      x.status === "paused"
        ? [
            button(
              t("control.flow.resume"),
              { type: "exercise.resume" },
              "primary",
              undefined,
              t("control.flow.resumed"),
            ),
            advance(),
          ]
        : null,
      x.agreement && (x.status === "running" || x.status === "paused") ? agreementChoice(x.agreement.ends) : null,
      x.status === "running" || x.status === "paused"
        ? button(
            t("control.flow.end"),
            { type: "exercise.end" },
            "danger",
            {
              title: t("control.flow.end-now-title"),
              body: t("control.flow.end-now-body"),
              confirm: t("control.flow.end"),
              danger: true,
            },
            t("control.flow.ended"),
          )
        : null,
      x.outcome
        ? h(
            "p",
            {},
            h("strong", {}, t("control.flow.ended-mark")),
            " ",
            outcomeWords(x.outcome.kind, x.outcome.reason, glossaryOf(v), eventWords()),
          )
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
            { class: "card", "aria-label": t("control.teams.orders") },
            h("h4", {}, t("control.teams.orders")),
            h(
              "ul",
              {},
              v.teams.map((team) => {
                const o = c.orders[team.id];
                return h(
                  "li",
                  {},
                  o
                    ? h(
                        "span",
                        { class: "ok-text" },
                        t("control.orders.in", { team: team.name, name: o.submittedBy, count: o.items.length }),
                      )
                    : h("span", { class: "pending-text" }, t("control.orders.not-yet", { team: team.name })),
                );
              }),
            ),
          )
        : null,
    );
  };

  const drawAudience = (v: ParticipantView) => {
    const opt = (value: string, label: string, checked = false, named = false) =>
      h(
        "label",
        { class: "inline" },
        h("input", { type: "checkbox", value, checked }),
        " ",
        named ? own(h("span", {}, label)) : label,
        " ",
      );
    append(audienceBox, [
      opt("all", t("control.inject.everyone"), true),
      v.teams.map((team) => opt(team.id, team.name, false, true)),
      v.mediator ? opt("mediator", v.mediator.name, false, true) : null,
      opt("observers", t("control.observers.title")),
      opt("facilitator", t("control.value.tell-control")),
    ]);
  };

  let names: ParticipantView | null = null;
  const seatLabel = (p: { role: string; teamId: string | null }) =>
    p.role === "team"
      ? (names?.teams.find((team) => team.id === p.teamId)?.name ?? p.teamId ?? t("control.people.team"))
      : p.role === "facilitator"
        ? t("control.people.control")
        : p.role === "mediator"
          ? (names?.mediator?.name ?? t("panels.briefing.mediator-name"))
          : t("control.people.observer");
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
                t("control.people.who", { name: p.name, seat: seatLabel(p) }),
                p.connected ? "" : h("span", { class: "pending-text" }, t("control.people.reconnecting")),
              ),
            ),
          )
        : h("p", { class: "dim" }, t("control.people.nobody")),
    );
  };
  ctx.session.onPresence(drawPeople);
  let last: ParticipantView | null = null;
  ctx.session.onPresence(() => last && bots.update(last));

  let drawnAudience = false;
  let seen: unknown[] = [];
  return {
    id: "control",
    label: t("control.tab"),
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
