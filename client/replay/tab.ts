// What every tab of the replay's side panel shares: the moment shown, and
// small pieces of markup.
import type { GameState, ParticipantView, Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { h, type Child } from "../ui/dom.ts";
import { viewerLabel } from "./words.ts";
import { t as tr } from "../i18n/index.ts";

export interface Moment {
  step: number;
  state: GameState;
  view: ParticipantView;
  viewer: Viewer;
  viewerKey: string;
}

export interface TabDef {
  id: string;
  label: string;
  /** the parts of the state this tab shows; it is redrawn only when one of them changes */
  deps(s: GameState): unknown[];
  draw(m: Moment, sc: Scenario): Child;
}

type Numbered = "log" | "messages" | "chat" | "notes";
const stepsById = new WeakMap<readonly { id: string; seq: number }[], Map<string, number>>();

/**
 * The step (command number) at which an item shown was written. A
 * participant's view carries no command numbers (they would count what it did
 * not see), so they come from the replayed state itself.
 */
export function stepOf(m: Moment, list: Numbered, item: { id: string; seq?: number }): number {
  if (item.seq !== undefined) return item.seq;
  const all = m.state[list];
  let byId = stepsById.get(all);
  if (!byId) stepsById.set(all, (byId = new Map(all.map((x) => [x.id, x.seq]))));
  return byId.get(item.id) ?? 0;
}

/** A small "step 12" button that jumps to the step where something happened. */
export function stepLink(step: number): HTMLElement {
  return h(
    "button",
    { type: "button", class: "step-link", "data-goto": String(step), title: tr("replay.go-to-step", { step }) },
    tr("replay.step-n", { step }),
  );
}

export function none(m: Moment, sc: Scenario, what: string): HTMLElement {
  return h(
    "p",
    { class: "dim" },
    m.viewer.role === "facilitator"
      ? tr("replay.none-yet", { what })
      : tr("replay.none-visible", { what, who: viewerLabel(sc, m.viewer) }),
  );
}

export function more(total: number, shown: number): Child {
  return total > shown ? h("p", { class: "dim" }, tr("replay.showing-latest", { shown, total })) : null;
}

const drawn = new WeakMap<object, Map<string, HTMLElement>>();
/**
 * The element for an item of the state, made once per `look` (e.g. a point of
 * view): log entries, messages and chat lines never change once written (a
 * changed one is a new object), so a redrawn list reuses the elements it has.
 */
export function once(item: object, look: string, make: () => HTMLElement): HTMLElement {
  let byLook = drawn.get(item);
  if (!byLook) drawn.set(item, (byLook = new Map()));
  let e = byLook.get(look);
  if (!e) byLook.set(look, (e = make()));
  return e;
}

function nodes(children: Child[], out: Node[] = []): Node[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) nodes(c, out);
    else out.push(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return out;
}

/**
 * Like render(), but elements already in place stay where they are: only what
 * is new is inserted and only what is gone is removed. A list of reused
 * elements (see once) then costs a few DOM operations per step, not a rebuild.
 */
export function patch(parent: Element, ...children: Child[]): void {
  const next = nodes(children);
  const wanted = new Set(next);
  let cur = parent.firstChild;
  for (const n of next) {
    while (cur && cur !== n && !wanted.has(cur)) {
      const gone = cur;
      cur = cur.nextSibling;
      gone.remove();
    }
    if (cur === n) cur = cur.nextSibling;
    else parent.insertBefore(n, cur);
  }
  while (cur) {
    const gone = cur;
    cur = cur.nextSibling;
    gone.remove();
  }
}
