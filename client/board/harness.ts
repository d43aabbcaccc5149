// Development harness for the board: runs the real engine in the browser,
// renders the board for a chosen viewer, and offers buttons to step, escalate,
// pause and end so the animations can be watched.
// URL: /board/harness.html?scenario=civilian-shield&viewer=facilitator|team:ID|mediator|observer
//      &preset=setup|demo (default demo) &status=running|paused|ended &bare=1 (no controls)
import { cloneState, init, step, view, type GameState, type Viewer } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { command, type CommandInput, type OrderItemInput } from "../../shared/protocol/commands.ts";
import { seatOfKey, type Actor } from "../../shared/protocol/identity.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import tutorial from "../../scenarios/tutorial.json" with { type: "json" };
import civilianShield from "../../scenarios/civilian-shield.json" with { type: "json" };
import earlyWarning from "../../scenarios/early-warning.json" with { type: "json" };
import gridIntrusion from "../../scenarios/grid-intrusion.json" with { type: "json" };
import { describeBoard, mountBoard, type Board } from "./index.ts";

const SCENARIOS: Record<string, unknown> = {
  tutorial,
  "civilian-shield": civilianShield,
  "early-warning": earlyWarning,
  "grid-intrusion": gridIntrusion,
};
const params = new URLSearchParams(location.search);
const scenarioId = params.get("scenario") ?? "tutorial";
const parsed = parseScenario(withExtraTeams(SCENARIOS[scenarioId] ?? tutorial, Number(params.get("extra") ?? 0)));
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
const scenario: Scenario = parsed.scenario;
const viewer: Viewer = seatOfKey(params.get("viewer") ?? "facilitator") ?? { role: "facilitator" };
if (params.get("bare") === "1") document.body.classList.add("bare");

const control: Actor = { role: "facilitator", name: "Control" };
const state: GameState = init(scenario, { seed: params.get("seed") ?? "harness" });
let clock = 1_700_000_000_000;
const unread = new Set<string>();
const seen = new Set<string>();
const statusEl = document.getElementById("status")!;
let board: Board | null = null;

/** For layout tests: adds copies of the first state (5 and 6 states have no built-in scenario). */
function withExtraTeams(input: unknown, extra: number): unknown {
  if (!extra) return input;
  const s = structuredClone(input) as { teams: { id: string; name: string; color: string }[] };
  const names = ["Halvard", "Queloz", "Trastia", "Umbria"];
  const colors = ["#d4a017", "#1abc9c", "#9b59b6", "#e67e22"];
  for (let i = 0; i < Math.min(extra, 4); i++)
    s.teams.push({ ...structuredClone(s.teams[0]!), id: names[i]!.toLowerCase(), name: names[i]!, color: colors[i]! });
  return s;
}

function run(actor: Actor, input: CommandInput): boolean {
  clock += 30_000;
  // one state, changed in place; the board is given views of copies (it compares each with the one before)
  const r = step(state, { at: clock, actor, command: command.parse(input) });
  if (!r.ok) {
    statusEl.textContent = `${input.type} refused: ${r.error.message}`;
    return false;
  }
  return true;
}

function advanceTo(kind: string): void {
  for (let i = 0; i < 12 && state.status !== "ended"; i++) {
    const phase = state.scenario.phases[state.phaseIndex];
    if (state.turn > 0 && phase?.kind === kind) return;
    if (!run(control, { type: "phase.advance" })) return;
  }
}

/** One round of orders: the first state strikes the second's first sector, the others protest and harden. */
function playTurn(): void {
  advanceTo("decision");
  const has = (id: string) => scenario.actions.some((a) => a.id === id);
  scenario.teams.forEach((t, i) => {
    const other = scenario.teams[(i + 1) % scenario.teams.length]!;
    const items: OrderItemInput[] = [];
    if (i === 0 && has("disrupt"))
      items.push({ actionId: "disrupt", target: other.id, sector: other.sectors[0]?.kind ?? null });
    else if (has("demarche")) items.push({ actionId: "demarche", target: other.id });
    if (has("harden")) items.push({ actionId: "harden" });
    run({ role: "team", teamId: t.id, name: `${t.name} lead` }, { type: "orders.submit", actions: items });
  });
  advanceTo("summary");
}

let channel = 0;
const CHANNELS = ["news", "intelligence", "cert", "cable", "social", "control"] as const;
const HEADLINES = [
  "Ministers trade statements",
  "Markets react to outages",
  "A leak names a contractor",
  "CERTs compare samples",
];
const ACTIONS: Record<string, () => void> = {
  Start: () => run(control, { type: "exercise.start" }),
  "Next phase": () => run(control, { type: "phase.advance" }),
  "Escalate +6": () => run(control, { type: "escalation.adjust", delta: 6, reason: "Harness: tension rises" }),
  "Escalate +15": () => run(control, { type: "escalation.adjust", delta: 15, reason: "Harness: a major incident" }),
  "De-escalate −4": () => run(control, { type: "escalation.adjust", delta: -4, reason: "Harness: calming statement" }),
  "Play a turn": playTurn,
  "Ad-hoc inject": () =>
    run(control, {
      type: "inject.create",
      title: `Breaking: ${HEADLINES[channel % 4]} (${channel + 1})`,
      body: "Harness inject.",
      channel: CHANNELS[channel++ % CHANNELS.length],
      audience: ["all"],
    }),
  Pause: () => run(control, { type: "exercise.pause", reason: "Harness" }),
  Resume: () => run(control, { type: "exercise.resume" }),
  End: () => run(control, { type: "exercise.end", reason: "Harness: the session is over" }),
};

function refresh(): void {
  const v = view(cloneState(state), viewer);
  for (const i of v.injects)
    if (i.status === "released" && !seen.has(i.id)) {
      seen.add(i.id);
      unread.add(i.id);
    }
  board?.update(v, { unread, serverNow: clock });
  if (!statusEl.textContent?.includes("refused")) statusEl.textContent = describeBoard(v);
}

function preset(): void {
  if ((params.get("preset") ?? "demo") === "setup") return;
  run(control, { type: "exercise.start" });
  advanceTo("deliberation");
  run(control, { type: "escalation.adjust", delta: 8, reason: "Media blame the neighbour" });
  playTurn();
  advanceTo("deliberation");
  run(control, { type: "escalation.adjust", delta: 5, reason: "Parliament demands a response" });
  // the first two injects have been read
  for (const i of view(state, viewer)
    .injects.filter((x) => x.status === "released")
    .slice(0, 2))
    seen.add(i.id);
  const status = params.get("status");
  if (status === "paused") run(control, { type: "exercise.pause", reason: "Harness" });
  if (status === "ended")
    run(control, { type: "exercise.end", reason: "the facilitator closed the session after turn 2" });
}

async function main(): Promise<void> {
  const controls = document.getElementById("controls")!;
  const select = document.createElement("select");
  const viewers = ["facilitator", ...scenario.teams.map((t) => `team:${t.id}`), "mediator", "observer"];
  for (const v of viewers) select.add(new Option(v, v, false, v === (params.get("viewer") ?? "facilitator")));
  select.onchange = () => {
    params.set("viewer", select.value);
    location.search = params.toString();
  };
  controls.append(select);
  for (const [label, fn] of Object.entries(ACTIONS)) {
    const b = document.createElement("button");
    b.className = "small";
    b.textContent = label;
    b.onclick = () => {
      statusEl.textContent = "";
      fn();
      refresh();
    };
    controls.append(b);
  }
  preset();
  board = await mountBoard(document.getElementById("board")!, {
    onInjectClick: (id) => {
      unread.delete(id);
      const i = state.injects.find((x) => x.id === id);
      statusEl.textContent = `Opened inject “${i?.title ?? id}”: ${i?.body ?? ""}`;
      board?.update(view(cloneState(state), viewer), { unread, serverNow: clock });
    },
  });
  refresh();
  Object.assign(window, { harness: { act: (name: string) => (ACTIONS[name]?.(), refresh()), state: () => state } });
  document.body.dataset.ready = "1";
}

void main();
