// A recorded command in plain words: who (name, role, team), what, when.
import type { GameState, Viewer } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/actor.ts";
import type { RecordedCommand } from "../../shared/protocol/recording.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export function partyLabel(sc: Scenario, id: string): string {
  if (id === "mediator") return sc.mediator?.name ?? "the mediator";
  if (id === "all") return "everyone";
  if (id === "observers") return "the observers";
  if (id === "facilitator") return "control";
  return sc.teams.find((t) => t.id === id)?.name ?? id;
}

export function actorLabel(sc: Scenario, a: Actor): string {
  switch (a.role) {
    case "team":
      return `${a.name} (${partyLabel(sc, a.teamId)} team)`;
    case "facilitator":
      return a.name && a.name !== "Control" ? `${a.name} (control)` : "Control";
    case "mediator":
      return `${a.name} (mediator, ${sc.mediator?.name ?? "mediator"})`;
    case "observer":
      return `${a.name} (observer)`;
    case "system":
      return "The server (phase timer)";
  }
}

export function viewerKey(v: Viewer): string {
  return v.role === "team" ? `team:${v.teamId}` : v.role;
}

export function parseViewer(key: string | undefined, sc: Scenario): Viewer {
  if (key?.startsWith("team:") && sc.teams.some((t) => t.id === key.slice(5)))
    return { role: "team", teamId: key.slice(5) };
  if (key === "mediator" && sc.mediator) return { role: "mediator" };
  if (key === "observer") return { role: "observer" };
  return { role: "facilitator" };
}

export function viewerLabel(sc: Scenario, v: Viewer): string {
  switch (v.role) {
    case "facilitator":
      return "Control";
    case "team":
      return partyLabel(sc, v.teamId);
    case "mediator":
      return sc.mediator?.name ?? "Mediator";
    case "observer":
      return "Observers";
  }
}

export function phaseName(sc: Scenario, id: string): string {
  return sc.phases.find((p) => p.id === id)?.name ?? id;
}

/** "Turn 2 · Deliberation" for a state. */
export function whereIn(s: GameState): string {
  if (s.status === "setup") return "Before the start";
  if (s.status === "ended") return `Ended after turn ${s.turn}`;
  return `Turn ${s.turn} of ${s.scenario.turns} · ${s.scenario.phases[s.phaseIndex]?.name ?? ""}`;
}

// Intl formatters are costly to create: one each, made once
const SECONDS = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const MINUTES = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit" });

/** "14:05:09" */
export function clockTime(ms: number): string {
  return SECONDS.format(ms);
}

/** "14:05" */
export function hhmm(ms: number): string {
  return MINUTES.format(ms);
}

/** "+1:02:09" since the first command */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `+${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}

export function quote(text: string, max = 140): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `−${Math.abs(n)}`);
const list = (sc: Scenario, ids: readonly string[]) => ids.map((i) => partyLabel(sc, i)).join(", ");

/** What the command did, as a phrase following the actor: "messaged Austral on the hotline (confirm): “…”". */
export function commandPhrase(rc: RecordedCommand, before: GameState, after: GameState): string {
  const sc = after.scenario;
  const c = rc.command;
  const injectTitle = (id: string) => quote(after.injects.find((i) => i.id === id)?.title ?? id, 80);
  const proposalTitle = (id: string) => {
    const p = after.proposals.find((x) => x.id === id);
    if (!p) return id;
    return p.kind === "cbm"
      ? quote(sc.cbms.find((x) => x.id === p.cbmId)?.name ?? "measure", 80)
      : `the joint statement ${quote(p.text, 60)}`;
  };
  const team = rc.actor.role === "team" ? partyLabel(sc, rc.actor.teamId) : "the team";
  switch (c.type) {
    case "exercise.start":
      return "started the exercise";
    case "exercise.pause":
      return `paused the exercise${c.reason ? ` — ${quote(c.reason)}` : ""}`;
    case "exercise.resume":
      return "resumed the exercise";
    case "exercise.end":
      return `ended the exercise${c.reason ? ` — ${quote(c.reason)}` : ""}`;
    case "phase.advance":
      return after.status === "ended"
        ? `advanced past the last phase: ${after.outcome?.text ?? "the exercise ended"}`
        : `advanced the exercise to ${whereIn(after)}`;
    case "inject.release":
      return `released the inject ${injectTitle(c.injectId)}`;
    case "inject.hold":
      return `held the inject ${injectTitle(c.injectId)}`;
    case "inject.skip":
      return `skipped the inject ${injectTitle(c.injectId)}`;
    case "inject.create":
      return `wrote and released an ad-hoc ${c.channel} inject ${quote(c.title, 80)} for ${list(sc, c.audience)}`;
    case "escalation.adjust":
      return `adjusted escalation by ${signed(c.delta)} (${fmt(before.escalation)} → ${fmt(after.escalation)}): ${quote(c.reason)}`;
    case "observers.visibility":
      return c.seeAll ? "let the observers see every channel" : "limited the observers to the public picture";
    case "team.chat":
      return `wrote in ${team}'s team chat: ${quote(c.text)}`;
    case "hotline.send": {
      const answered = after.messages.at(-1)?.replyTo;
      return `${answered ? "answered" : "messaged"} ${partyLabel(sc, c.to)} on the hotline (${c.kind}${c.incidentId ? ", with evidence attached" : ""}): ${quote(c.text)}`;
    }
    case "hotline.relay": {
      const m = before.messages.find((x) => x.id === c.messageId);
      return `relayed ${m ? `${partyLabel(sc, m.from)}'s “${m.kind}” message` : "a message"} to ${partyLabel(sc, c.to)}`;
    }
    case "orders.submit": {
      const names = c.actions.map((a) => {
        const action = sc.actions.find((x) => x.id === a.actionId);
        return `${action?.name ?? a.actionId}${a.target ? ` → ${partyLabel(sc, a.target)}` : ""}${a.sector ? ` (${a.sector})` : ""}`;
      });
      return names.length
        ? `submitted ${team}'s secret orders: ${names.join("; ")}`
        : `submitted ${team}'s orders: no action this turn`;
    }
    case "orders.withdraw":
      return `withdrew ${team}'s orders`;
    case "proposal.create":
      return c.kind === "cbm"
        ? `proposed the measure ${quote(sc.cbms.find((x) => x.id === c.cbmId)?.name ?? c.cbmId ?? "", 80)}${c.parties ? ` to ${list(sc, c.parties)}` : ""}`
        : `proposed a joint statement: ${quote(c.text)}`;
    case "proposal.respond":
      return `${c.accept ? "accepted" : "rejected"} ${proposalTitle(c.proposalId)}`;
    case "proposal.withdraw":
      return `withdrew ${proposalTitle(c.proposalId)}`;
    case "mediator.verify":
      return `verified the evidence on ${quote(after.incidents.find((i) => i.id === c.incidentId)?.title ?? c.incidentId, 80)}`;
    case "mediator.convene":
      return `convened talks with ${list(sc, c.parties)}: ${quote(c.text)}`;
    case "note.add": {
      const o = c.objectiveId ? sc.objectives.find((x) => x.id === c.objectiveId) : undefined;
      return `wrote a note${o ? ` on the objective ${quote(o.text, 60)}` : ""}: ${quote(c.text)}`;
    }
  }
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
