// What every side panel shares: the session, who is looking, what was read.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { SeatInfo } from "../../shared/protocol/identity.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import type { Session } from "../net/session.ts";
import { h } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { phaseName } from "../../shared/words/index.ts";

export interface Panel {
  id: string;
  label: string;
  el: HTMLElement;
  update(view: ParticipantView): void;
  /** a number shown on the tab (unread, unanswered…) */
  badge?(view: ParticipantView): number;
  shown?(): void;
}

/**
 * A live seat's panel context. The panels' item renderers also take null in
 * its place: they then draw read only, without forms or buttons, as the replay
 * shows what a participant saw.
 */
export interface PanelCtx {
  session: Session;
  seat: SeatInfo;
  read: ReadState;
  /** switch to a tab and focus an item in it */
  focus(tab: string, itemId?: string): void;
}

/** Which injects and messages this participant has seen (kept per exercise and seat in this browser). */
export class ReadState {
  private readonly key: string;
  private readonly ids: Set<string>;
  private readonly listeners = new Set<() => void>();

  constructor(roomId: string, seatKey: string) {
    this.key = `deconflict:read:${roomId}:${seatKey}`;
    this.ids = new Set(JSON.parse(localStorage.getItem(this.key) ?? "[]") as string[]);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  mark(...ids: string[]): void {
    let changed = false;
    for (const id of ids)
      if (!this.ids.has(id)) {
        this.ids.add(id);
        changed = true;
      }
    if (!changed) return;
    localStorage.setItem(this.key, JSON.stringify([...this.ids]));
    for (const l of this.listeners) l();
  }

  unread(ids: string[]): Set<string> {
    return new Set(ids.filter((id) => !this.ids.has(id)));
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/**
 * Sends a command from a form: the button shows it is pending, then the
 * server's verdict appears next to it. Resolves true when accepted.
 */
export async function submit(
  ctx: PanelCtx,
  button: HTMLButtonElement,
  status: HTMLElement,
  cmd: CommandInput,
  label: string,
): Promise<boolean> {
  const text = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  status.className = "pending-text";
  status.textContent = t("panels.sending");
  try {
    await ctx.session.command(cmd, label);
    status.className = "ok-text";
    status.textContent = `✓ ${label}`;
    return true;
  } catch (err) {
    status.className = "error-text";
    status.textContent = `✕ ${(err as Error).message}`;
    return false;
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = text;
  }
}

/** A status line for form feedback, announced to screen readers. */
export function statusLine(): HTMLElement {
  return h("p", { role: "status", "aria-live": "polite" });
}

export function teamColor(view: ParticipantView, id: string): string {
  return view.teams.find((t) => t.id === id)?.color ?? "#a9b8cd";
}

const SEVERITY_KEYS = [
  "panels.severity.none",
  "panels.severity.low",
  "panels.severity.moderate",
  "panels.severity.serious",
  "panels.severity.severe",
  "panels.severity.destructive",
] as const;

/** A severity from 0 to 5 in words, in the participant's language. */
export function severityLabel(n: number): string {
  const key = SEVERITY_KEYS[n];
  return key ? t(key) : i18n().number(n);
}

/** "Turn 2 · Deliberation · 14:05": the phases are a view's (`view.exercise`) or the scenario's. */
export function when(
  sc: { phases: readonly { id: string; name: string }[] },
  turn: number,
  phase: string,
  at: number,
): string {
  const time = i18n().time(at);
  return turn ? t("panels.when", { turn, phase: phaseName(sc, phase), time }) : time;
}

/** "Austral, Borealis": names listed the way the participant's language lists them. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(i18n().lang, { type: "unit", style: "short" }).format(items);
}

/** Words people typed or a scenario wrote read in their own direction (one helper for every page). */
export { own } from "../ui/own-words.ts";

/** "+5", "−3", "0": a change, signed, in the participant's digits. */
export function signedNumber(n: number): string {
  return i18n().number(n, { signDisplay: "exceptZero" }).replace("-", "−");
}

const SECTOR_KEYS: Record<string, string> = {
  energy: "panels.sector.energy",
  water: "panels.sector.water",
  health: "panels.sector.health",
  finance: "panels.sector.finance",
  transport: "panels.sector.transport",
  telecom: "panels.sector.telecom",
  defence: "panels.sector.defence",
};

/** A sector kind ("energy") in the participant's language; an unknown kind as it is. */
export function sectorKindName(kind: string): string {
  const key = SECTOR_KEYS[kind];
  return key ? t(key) : kind;
}

/** "Deliberation and Decision": names joined the way the participant's language says "and". */
export function andList(items: readonly string[]): string {
  return new Intl.ListFormat(i18n().lang, { type: "conjunction" }).format(items);
}

/** "45 sec", "4 min", "1 hr 2 min": how long something waited, in the participant's units. */
export function waited(ms: number): string {
  const unit = (n: number, u: string) => i18n().number(n, { style: "unit", unit: u, unitDisplay: "short" });
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return unit(s, "second");
  const m = Math.floor(s / 60);
  if (m < 60) return unit(m, "minute");
  const parts = [unit(Math.floor(m / 60), "hour"), unit(m % 60, "minute")];
  return new Intl.ListFormat(i18n().lang, { type: "unit", style: "narrow" }).format(parts);
}
