// The hotline: one conversation per counterpart, structured message kinds,
// unanswered messages with how long they have waited. The mediator can relay;
// control reads every line.
import type { MessageView, ParticipantView } from "../../shared/engine/index.ts";
import { HOTLINE_KINDS } from "../../shared/protocol/commands.ts";
import { keepDraft } from "../net/seats.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { partyOf } from "../../shared/protocol/identity.ts";
import { andList, own, statusLine, submit, waited, when, type Panel, type PanelCtx } from "./panel.ts";
import { t } from "../i18n/index.ts";
import { partyName } from "../../shared/words/index.ts";
import { pauseCause } from "../ui/paused.ts";
import { waitingConversation } from "../net/attention.ts";
import { icon } from "../ui/icons.ts";

const KIND_HELP: Record<string, string> = {
  confirm: "hotline.kind-help.confirm",
  assess: "hotline.kind-help.assess",
  notify: "hotline.kind-help.notify",
  deconflict: "hotline.kind-help.deconflict",
  convene: "hotline.kind-help.convene",
  text: "hotline.kind-help.text",
};

const KIND_NAME: Record<string, string> = {
  confirm: "hotline.kind.confirm",
  assess: "hotline.kind.assess",
  notify: "hotline.kind.notify",
  deconflict: "hotline.kind.deconflict",
  convene: "hotline.kind.convene",
  text: "hotline.kind.text",
};

/** A hotline message kind with what it is for, in the participant's language. */
export function kindHelp(kind: string): string {
  const key = KIND_HELP[kind];
  return key ? t(key) : kind;
}

/** A hotline message kind's short name ("confirm"), in the participant's language. */
export function kindName(kind: string): string {
  const key = KIND_NAME[kind];
  return key ? t(key) : kind;
}

export function hotlinePanel(ctx: PanelCtx): Panel {
  const me = partyOf(ctx.seat);
  const control = me === null;
  const picker = h("div", { class: "row", role: "tablist", "aria-label": t("hotline.conversations") });
  const thread = h("div", { "aria-live": "polite", "aria-label": t("hotline.messages") });
  const kind = h(
    "select",
    { id: "hotline-kind", "aria-label": t("hotline.kind-label") },
    HOTLINE_KINDS.map((k) => h("option", { value: k }, kindHelp(k))),
  );
  const text = h("textarea", { id: "hotline-text", maxlength: 2000, rows: 3, placeholder: t("hotline.placeholder") });
  const clearDraft = keepDraft(text, `hotline:${ctx.seat.exerciseId}:${me}`);
  const incident = h("select", { id: "hotline-incident", "aria-label": t("hotline.attach") });
  const send = h("button", { class: "primary", type: "submit" }, t("hotline.send"));
  const closed = h("p", { class: "dim" });
  const status = statusLine();
  const compose = h(
    "form",
    { class: "card", "aria-label": t("hotline.compose") },
    h("label", { for: "hotline-kind" }, t("hotline.kind-short")),
    kind,
    h("label", { for: "hotline-text" }, t("hotline.message")),
    text,
    h("label", { for: "hotline-incident" }, t("hotline.share-evidence")),
    incident,
    h("div", { class: "row", style: "margin-top: 0.5em" }, send),
    closed,
    status,
  );
  const observer = ctx.seat.role === "observer";
  const el = h(
    "section",
    {},
    h("h3", {}, control ? t("hotline.all-traffic") : t("hotline.title")),
    picker,
    thread,
    control ? null : compose,
  );
  let selected: string | null = null;
  let view: ParticipantView | null = null;

  compose.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!selected || !view) return;
    const ok = await submit(
      ctx,
      send,
      status,
      {
        type: "hotline.send",
        to: selected,
        kind: kind.value as (typeof HOTLINE_KINDS)[number],
        text: text.value,
        ...(incident.value ? { incidentId: incident.value } : {}),
      },
      t("hotline.sent", { to: partyName(view, selected) }),
    );
    if (ok) {
      text.value = "";
      clearDraft();
      incident.value = "";
    }
  });

  const counterparts = (v: ParticipantView): string[] => {
    if (control) return [...new Set(v.messages.map((m) => pair(m.from, m.to)))];
    const teams = v.teams.map((t) => t.id).filter((t) => t !== me);
    return [...(v.mediator && me !== "mediator" ? ["mediator"] : []), ...teams];
  };
  const open = (v: ParticipantView, other: string) =>
    me === "mediator" || other === "mediator" || v.hotlines.includes(pair(me!, other));
  const waitingFor = (v: ParticipantView, other: string) =>
    v.messages.filter((m) => m.from === other && m.to === me && !m.answeredBy && !m.replyTo && !m.relayOf && !m.lapsed);
  // a relay needs no answer, but it is news: counted until read
  const unreadRelays = (v: ParticipantView, other: string) =>
    v.messages.filter((m) => m.from === other && m.to === me && m.relayOf && !ctx.read.has(m.id));
  const attention = (v: ParticipantView, other: string) => waitingFor(v, other).length + unreadRelays(v, other).length;

  const draw = () => {
    const v = view;
    if (!v) return;
    const others = counterparts(v);
    // first look: the conversation with a message waiting for an answer, else the first open line
    if (!selected || !others.includes(selected))
      selected =
        others.find((o) => !control && attention(v, o)) ??
        others.find((o) => control || open(v, o)) ??
        others[0] ??
        null;
    render(
      picker,
      others.map((o) => {
        const waiting = control ? 0 : attention(v, o);
        const label = control
          ? o
              .split("|")
              .map((p) => partyName(v, p))
              .join(" ↔ ")
          : partyName(v, o);
        const b = h(
          "button",
          { type: "button", role: "tab", class: "small", "aria-selected": String(o === selected) },
          !control && !open(v, o) ? t("hotline.no-line", { name: label }) : own(h("span", {}, label)),
          waiting
            ? h(
                "span",
                { class: "count", "aria-label": t("hotline.waiting-count", { count: waiting }) },
                String(waiting),
              )
            : null,
        );
        b.addEventListener("click", () => {
          selected = o;
          draw();
        });
        return b;
      }),
    );
    if (!selected) {
      const note =
        observer && !v.exercise.observersSeeAll
          ? t("hotline.private")
          : control
            ? t("hotline.no-traffic")
            : t("hotline.nobody");
      render(thread, h("p", { class: "dim" }, note));
      return;
    }
    const msgs = control
      ? v.messages.filter((m) => pair(m.from, m.to) === selected)
      : v.messages.filter((m) => (m.from === me && m.to === selected) || (m.from === selected && m.to === me));
    render(
      thread,
      msgs.length ? msgs.map((m) => hotlineMessage(v, m, ctx)) : h("p", { class: "dim" }, t("hotline.no-messages")),
    );
    // relays count as read once their conversation has been on screen a moment
    const relays = control || el.offsetParent === null ? [] : unreadRelays(v, selected).map((m) => m.id);
    if (relays.length) setTimeout(() => ctx.read.mark(...relays), 1500);
    if (!control) {
      const canTalk = open(v, selected) && v.exercise.talksOpen;
      send.disabled = !canTalk;
      closed.textContent = !open(v, selected)
        ? t("hotline.no-direct", { name: partyName(v, selected) })
        : v.exercise.status === "paused"
          ? t("hotline.paused", { cause: pauseCause(v) })
          : !v.exercise.talksOpen
            ? t("hotline.closed", {
                phase: v.exercise.phase?.name ?? "",
                open: andList(
                  v.exercise.phases
                    .filter((p) => p.hotline ?? (p.kind === "deliberation" || p.kind === "decision"))
                    .map((p) => p.name),
                ),
              })
            : "";
      const keep = incident.value;
      render(
        incident,
        h("option", { value: "" }, t("hotline.none")),
        v.incidents.map((i) => h("option", { value: i.id }, i.title)),
      );
      incident.value = keep;
    }
  };

  let seen: unknown[] = [];
  let pick: string | null = null;
  el.addEventListener(OPEN_CONVERSATION, (e) => {
    pick = (e as CustomEvent<string>).detail;
  });
  ctx.read.subscribe(() => el.isConnected && draw());
  // waiting times move on even when nothing else does
  setInterval(() => el.isConnected && draw(), 15_000);
  return {
    id: "hotline",
    label: t("hotline.title"),
    el,
    update(v) {
      view = v;
      const now = [v.messages, v.hotlines, v.exercise, v.incidents];
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      draw();
    },
    badge: (v) => (control ? 0 : counterparts(v).reduce((n, o) => n + attention(v, o), 0)),
    // opening the tab shows the conversation that waits for me: the oldest message to me still unanswered
    shown: () => {
      if (view && !control) selected = pick ?? waitingConversation(view, (id) => ctx.read.has(id)) ?? selected;
      pick = null;
      draw();
    },
  };
}

/** Asks a hotline panel to open on the conversation with `party` when it is next shown (a toast's click). */
export function openConversation(panel: HTMLElement, party: string): void {
  panel.dispatchEvent(new CustomEvent(OPEN_CONVERSATION, { detail: party }));
}
const OPEN_CONVERSATION = "deconflict:open-conversation";

/**
 * One hotline message as the view's holder reads it: kind, who to whom, what
 * became of it. Live (ctx) it shows how long it has waited and the mediator's
 * relay form; read only (null, the replay) it says whether it was answered yet.
 * `meta` adds to the meta line (the replay's step link).
 */
export function hotlineMessage(v: ParticipantView, m: MessageView, ctx: PanelCtx | null, meta?: Child): HTMLElement {
  const me = partyOf(v.viewer);
  const answered =
    m.answeredAfterMs !== null ? t("hotline.answered-after", { duration: waited(m.answeredAfterMs) }) : null;
  const waiting =
    !m.answeredBy && !m.replyTo && !m.relayOf
      ? m.lapsed
        ? t("hotline.lapsed")
        : ctx
          ? t("hotline.waiting", { duration: waited(ctx.session.store.serverNow() - m.at) })
          : t("hotline.not-answered-yet")
      : null;
  const relay = ctx && me === "mediator" && m.to === "mediator" ? relayForm(ctx, v, m) : null;
  return h(
    "div",
    { class: `message${m.from === me ? " mine" : ""}`, id: `msg-${m.id}` },
    h(
      "div",
      { class: "meta" },
      h("span", { class: `kind kind-${m.kind}` }, kindName(m.kind)),
      t("hotline.meta", {
        from: partyName(v, m.from),
        to: partyName(v, m.to),
        author: m.author,
        when: when(v.exercise, m.turn, m.phase, m.at),
      }),
      meta,
    ),
    m.relayOf
      ? h(
          "div",
          { class: "dim" },
          m.relayedFrom ? t("hotline.relayed-from", { from: partyName(v, m.relayedFrom) }) : t("hotline.relayed"),
        )
      : null,
    own(h("div", {}, m.text)),
    m.incidentId
      ? h(
          "div",
          { class: "dim" },
          icon("clip"),
          t("hotline.evidence", { title: v.incidents.find((i) => i.id === m.incidentId)?.title ?? m.incidentId }),
        )
      : null,
    answered ? h("div", { class: "dim" }, answered) : waiting ? h("div", { class: "waiting" }, waiting) : null,
    relay,
  );
}

function relayForm(ctx: PanelCtx, v: ParticipantView, m: MessageView) {
  const to = h(
    "select",
    { "aria-label": t("hotline.relay-to") },
    v.teams.filter((t) => t.id !== m.from).map((t) => h("option", { value: t.id }, t.name)),
  );
  // the mediator may pass it on as it came, or reword it (tone it down, add context)
  const text = h("textarea", {
    rows: 2,
    maxlength: 2000,
    "aria-label": t("hotline.relay-text-label"),
    placeholder: t("hotline.relay-placeholder"),
  });
  // the thread is redrawn as messages arrive: what the mediator is writing must survive that
  const clearDraft = keepDraft(text, `relay:${ctx.seat.exerciseId}:${m.id}`);
  const b = h("button", { class: "small", type: "button" }, t("hotline.relay"));
  const status = statusLine();
  b.addEventListener("click", async () => {
    const ok = await submit(
      ctx,
      b,
      status,
      { type: "hotline.relay", messageId: m.id, to: to.value, ...(text.value.trim() ? { text: text.value } : {}) },
      t("hotline.relayed-to", { to: partyName(v, to.value) }),
    );
    // the form starts again after a relay: no reworded text left to send twice, the first recipient chosen
    if (!ok) return;
    clearDraft();
    text.value = "";
    to.selectedIndex = 0;
  });
  return h(
    "div",
    { class: "stack" },
    text,
    h("div", { class: "row" }, h("span", { class: "dim" }, t("hotline.relay-to")), to, b, status),
  );
}

export function pair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
