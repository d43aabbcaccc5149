// The exercise screen: top bar, the board, and the panels of the seat the
// code opened (team, mediator, observer, control).
import type { ParticipantView, Viewer } from "../../shared/engine/index.ts";
import { Session, type Feedback, type Link } from "../net/session.ts";
import { seatFor } from "../net/seats.ts";
import { call, type JoinTarget } from "../net/api.ts";
import { onLeavePage } from "../router.ts";
import { brand, h, noticePage, render } from "../ui/dom.ts";
import { topbar } from "../ui/topbar.ts";
import { tabs } from "../ui/tabs.ts";
import { ReadState, type Panel, type PanelCtx } from "../panels/panel.ts";
import { briefingPanel } from "../panels/briefing.ts";
import { injectsPanel } from "../panels/injects.ts";
import { hotlinePanel, openConversation } from "../panels/hotline.ts";
import { chatPanel } from "../panels/chat.ts";
import { ordersPanel } from "../panels/orders.ts";
import { agreementsPanel } from "../panels/agreements.ts";
import { notesPanel } from "../panels/notes.ts";
import { logPanel } from "../panels/log.ts";
import { controlPanel } from "../panels/control.ts";
import { mselPanel } from "../panels/msel.ts";
import { teamsPanel } from "../panels/teams.ts";
import { turnResults } from "../panels/results.ts";
import { trackBaseline } from "../net/baseline.ts";
import { selfPacedDebrief } from "./self-paced.ts";
import { attention } from "../ui/attention.ts";
import { icon, withIcon } from "../ui/icons.ts";
import { t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";

export async function playPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const roomId = params.id!;
  const stored = seatFor(roomId, params.as);
  if (!stored) {
    noticePage(root, t("play.no-seat"), " ", h("a", { href: "/join" }, t("play.join-with-code")));
    return;
  }
  render(root, h("main", { class: "page" }, h("p", { role: "status" }, t("play.joining", { title: stored.title }))));
  let session: Session;
  try {
    // asking the server what the code opens also wakes a finished exercise's room after a restart
    await call<JoinTarget>("POST", "/join", { code: stored.code });
    session = await Session.join(roomId, stored.code, stored.name);
  } catch (err) {
    render(
      root,
      h(
        "main",
        { class: "page" },
        h("header", { class: "page-header" }, brand()),
        h("p", { role: "alert", class: "error-text" }, joinError(err)),
        h("p", {}, h("a", { href: `/join` }, t("play.try-another-code"))),
      ),
    );
    return;
  }
  onLeavePage(() => void session.leave());
  const seat = session.store.seat!;
  const read = new ReadState(roomId, seat.role === "team" ? `team:${seat.teamId}` : seat.role);
  let tabsApi: ReturnType<typeof tabs> | null = null;
  const ctx: PanelCtx = {
    session,
    seat,
    read,
    focus(tab, itemId) {
      tabsApi?.select(tab);
      if (itemId) document.getElementById(itemId)?.scrollIntoView({ block: "center" });
    },
  };

  // control can look at the board through each participant's eyes
  let viewAs: Viewer | null = null;
  const viewAsSelect =
    seat.role === "facilitator"
      ? h("select", { "aria-label": t("play.view-as-label"), class: "no-print", style: "width: auto" })
      : null;

  const panels = panelsFor(ctx, (teamId) => {
    viewAs = teamId ? { role: "team", teamId } : null;
    if (viewAsSelect) viewAsSelect.value = teamId ? `team:${teamId}` : "facilitator";
    void refreshBoard();
  });
  tabsApi = tabs(panels);
  const alerts = attention({
    self: seat.name,
    currentTab: () => tabsApi?.current() ?? null,
    open(item) {
      const hotline = panels.find((p) => p.id === "hotline");
      const from = session.view.messages.find((m) => m.id === item.id)?.from;
      if (hotline && from) openConversation(hotline.el, from);
      ctx.focus(item.tab, item.anchor ?? undefined);
    },
  });
  tabsApi.onSelect(() => alerts.tabShown());
  onLeavePage(() => alerts.dispose());
  // for a projector: the board across the whole width, panels hidden (the button toggles back)
  const boardOnly = h(
    "button",
    {
      type: "button",
      class: "small no-print",
      "aria-pressed": "false",
      title: t("play.board-only-title"),
    },
    icon("expand"),
    t("play.board-only"),
  );
  const playEl = h("div", { class: "play" });
  // control's board shows control's picture: the projector has its own public view (Control tab)
  const notForProjector =
    seat.role === "facilitator"
      ? h("span", { class: "badge warn", style: "display: none" }, t("play.not-for-projector"))
      : null;
  const setBoardOnly = (on: boolean) => {
    playEl.classList.toggle("board-only", on);
    // (a badge's own display rule would override the hidden attribute)
    if (notForProjector) notForProjector.style.display = on ? "" : "none";
    boardOnly.setAttribute("aria-pressed", String(on));
    withIcon(boardOnly, on ? "collapse" : "expand", on ? t("play.show-panels") : t("play.board-only"));
  };
  boardOnly.addEventListener("click", () => setBoardOnly(!playEl.classList.contains("board-only")));
  // control starts most of what others are told: it gets no toasts, so no sound setting
  const sound = seat.role === "facilitator" ? null : alerts.soundToggle;
  const bar = topbar(
    session,
    seat,
    h("div", { class: "row", style: "flex-wrap: nowrap" }, viewAsSelect, sound, notForProjector, boardOnly),
  );
  const banner = h("div", { role: "status", "aria-live": "assertive" });
  const debrief = selfPacedDebrief(roomId);
  const boardEl = h("div", { class: "board", role: "img", "aria-label": t("play.board-label") });
  const boardText = h("div", { class: "sr-only", "aria-live": "polite" });
  const viewingAs = h("div", { class: "outcome" });
  const toasts = h("div", { class: "toasts", "aria-live": "polite" });
  const results = turnResults(`${roomId}:${seat.role}:${seat.teamId ?? ""}`, () => {
    setBoardOnly(false);
    tabsApi?.select("log");
  });
  // closing the summary gives the inject rail its place back
  results.el.addEventListener("toggle-summary", () => void refreshBoard());
  playEl.append(
    bar.el,
    banner,
    // out of the page's flow (fixed): a self-paced exercise's debrief, once it ends
    debrief.el,
    h(
      "div",
      { class: "main" },
      h(
        "div",
        { class: "board-area" },
        boardEl,
        // over the board's own row: toasts never cover the turn summary under it
        h("div", { class: "board-overlays" }, viewingAs, alerts.el, toasts, boardText),
        results.el,
      ),
      tabsApi.el,
    ),
  );
  render(root, playEl);

  const { mountBoard, describeBoard } = await import("../board/index.ts");
  const board = await mountBoard(boardEl, { onInjectClick: (id) => ctx.focus("injects", `inject-${id}`) });
  onLeavePage(() => {
    board.destroy();
    void session.leave();
  });

  const boardView = async (v: ParticipantView): Promise<ParticipantView> =>
    viewAs ? await session.peek(viewAs).catch(() => v) : v;
  let pending = false;
  const refreshBoard = async () => {
    if (pending) return;
    pending = true;
    try {
      const v = session.view;
      const shown = await boardView(v);
      // the summary under the board tells what the board's viewer may know
      const summary = results.update(shown, trackBaseline(roomId, shown));
      board.update(shown, {
        unread: read.unread(shown.injects.map((i) => i.id)),
        serverNow: session.store.serverNow(),
        controlHint: seat.role === "facilitator" && !viewAs,
        summary,
      });
      boardText.textContent = describeBoard(shown);
      render(
        viewingAs,
        viewAs ? h("span", { class: "badge accent" }, t("play.viewing-as", { who: viewerName(shown, viewAs) })) : null,
      );
    } finally {
      pending = false;
    }
  };

  if (viewAsSelect) {
    const v = session.view;
    render(
      viewAsSelect,
      h("option", { value: "facilitator" }, t("play.board-control")),
      v.teams.map((x) => h("option", { value: `team:${x.id}` }, t("play.board-as", { who: x.name }))),
      v.mediator ? h("option", { value: "mediator" }, t("play.board-as", { who: v.mediator.name })) : null,
      h("option", { value: "observer" }, t("play.board-as-observers")),
    );
    viewAsSelect.addEventListener("change", () => {
      const val = viewAsSelect.value;
      viewAs =
        val === "facilitator"
          ? null
          : val.startsWith("team:")
            ? { role: "team", teamId: val.slice(5) }
            : { role: val as "mediator" | "observer" };
      void refreshBoard();
    });
  }

  const update = (v: ParticipantView) => {
    bar.update(v);
    debrief.update(v);
    alerts.update(v);
    for (const p of panels) p.update(v);
    tabsApi!.refreshBadges(v);
    void refreshBoard();
  };
  session.store.subscribe(update);
  read.subscribe(() => {
    tabsApi!.refreshBadges(session.view);
    void refreshBoard();
  });
  update(session.view);

  const showLink = (link: Link) => {
    banner.dataset.link = link;
    render(
      banner,
      link === "online"
        ? null
        : link === "reconnecting"
          ? h("div", { class: "banner offline" }, icon("warning"), t("play.reconnecting"))
          : h(
              "div",
              { class: "banner offline" },
              `✕ ${t("play.disconnected")} `,
              h("a", { href: "/join" }, t("play.join-again")),
            ),
    );
  };
  // the link may have changed while the page was being built
  session.onLink(showLink);
  showLink(session.link);
  session.onFeedback((f) => showToast(toasts, f));
}

/** Who control is looking through: a team's or the mediator's name, else the observers. */
function viewerName(v: ParticipantView, as: Viewer): string {
  if (as.role === "team") return v.teams.find((x) => x.id === as.teamId)?.name ?? as.teamId;
  if (as.role === "mediator") return v.mediator?.name ?? t("play.mediator");
  return t("play.observers");
}

/** Why joining failed, in the participant's language. */
function joinError(err: unknown): string {
  const text = (err as { code?: string }).code ? httpRefusalText(err) : (err as Error).message;
  return text || t("play.could-not-join");
}

function panelsFor(ctx: PanelCtx, viewAs: (teamId: string | null) => void): Panel[] {
  switch (ctx.seat.role) {
    case "team":
      return [
        briefingPanel(ctx),
        injectsPanel(ctx),
        hotlinePanel(ctx),
        chatPanel(ctx),
        ordersPanel(ctx),
        agreementsPanel(ctx),
        logPanel(),
      ];
    case "mediator":
      return [briefingPanel(ctx), injectsPanel(ctx), hotlinePanel(ctx), agreementsPanel(ctx), logPanel()];
    case "observer":
      return [notesPanel(ctx), injectsPanel(ctx), hotlinePanel(ctx), chatPanel(ctx), briefingPanel(ctx), logPanel()];
    case "public":
      return [injectsPanel(ctx), logPanel()];
    case "facilitator":
      return [
        controlPanel(ctx),
        mselPanel(ctx),
        teamsPanel(ctx, viewAs),
        hotlinePanel(ctx),
        chatPanel(ctx),
        agreementsPanel(ctx),
        notesPanel(ctx),
        logPanel(),
      ];
  }
}

const toastTimers = new Map<number, HTMLElement>();
function showToast(box: HTMLElement, f: Feedback): void {
  let el = toastTimers.get(f.id);
  if (!el) {
    el = h("div", { class: "toast" });
    toastTimers.set(f.id, el);
    box.append(el);
  }
  el.className = `toast ${f.state === "accepted" ? "ok" : f.state === "refused" ? "error" : "pending"}`;
  el.textContent =
    f.state === "pending"
      ? `… ${f.label}`
      : f.state === "accepted"
        ? `✓ ${f.label}`
        : `✕ ${f.message ?? t("play.refused")}`;
  if (f.state !== "pending") {
    const node = el;
    setTimeout(
      () => {
        node.remove();
        toastTimers.delete(f.id);
      },
      f.state === "refused" ? 8000 : 3000,
    );
  }
}
