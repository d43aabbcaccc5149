// What every side panel shares: the session, who is looking, what was read.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { SeatInfo } from "../../shared/protocol/identity.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import type { Session } from "../net/session.ts";
import { h } from "../ui/dom.ts";
import { clock } from "../ui/time.ts";
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
  status.textContent = "Sending…";
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

export const SEVERITY_LABEL = ["none", "low", "moderate", "serious", "severe", "destructive"];

/** "Turn 2 · Deliberation · 14:05": the phases are a view's (`view.exercise`) or the scenario's. */
export function when(
  sc: { phases: readonly { id: string; name: string }[] },
  turn: number,
  phase: string,
  at: number,
): string {
  return turn ? `Turn ${turn} · ${phaseName(sc, phase)} · ${clock(at)}` : clock(at);
}
