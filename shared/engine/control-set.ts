// Control sets a value by hand, with a reason, and says whom to tell: trust
// between two states, standing, pressure, a sector's health, an incident's
// evidence, escalation. The same change is one amendment of a reviewed
// adjudication (review.ts). Checked whole before anything changes.
import type { Command, GameState, Incident, SectorKind } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { StateChange, Tell } from "../protocol/control-changes.ts";
import { clamp, findById, pairKey, partyName, requireNotEnded, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { findSector, sectorStatus, trustOf } from "./measures.ts";
import { shiftEscalation } from "./escalation.ts";
import { canSee, incidentAudience } from "./audience.ts";
import { requireRulesAtLeast } from "./rules-gate.ts";

/** A change checked against the state: what it names, ready to be made. */
export interface CheckedChange {
  change: StateChange;
  reason: string;
  tell: Tell;
  incident: Incident | null;
}

/**
 * Refuses a change that names nothing real, with a message naming the field
 * (`path`: "change" or "set.0.change"); `unchanged` also refuses one that
 * would change nothing (a state.set; an amendment is set after adjudication).
 */
export function checkChange(
  ctx: Ctx,
  x: { change: StateChange; reason: string; tell: Tell },
  path: string,
  unchanged: boolean,
): CheckedChange {
  const { s } = ctx;
  const c = x.change;
  const team = (id: string, field: string) => {
    if (!s.teams[id])
      reject("not-found", `${path}.${field}: there is no state “${id}” (states: ${teamIds(s).join(", ")})`, {
        key: "refusals-engine.set.no-state",
        params: { path: `${path}.${field}`, id, states: teamIds(s).join(", ") },
      });
  };
  let incident: Incident | null = null;
  switch (c.what) {
    case "trust":
      team(c.a, "a");
      team(c.b, "b");
      if (c.a === c.b)
        reject("invalid", `${path}.b: trust is between two different states`, {
          key: "refusals-engine.set.trust-pair",
          params: { path: `${path}.b` },
        });
      break;
    case "standing":
    case "pressure":
      team(c.team, "team");
      break;
    case "sector":
      team(c.team, "team");
      if (!findSector(s, c.team, c.sector))
        reject("not-found", `${path}.sector: ${partyName(s, c.team)} has no ${c.sector} sector`, {
          key: "refusals-engine.set.no-sector",
          params: { path: `${path}.sector`, team: partyName(s, c.team), sector: c.sector },
        });
      break;
    case "evidence":
      incident = findById(ctx, "incidents", c.incident) ?? null;
      if (!incident)
        reject("not-found", `${path}.incident: there is no incident “${c.incident}”`, {
          key: "refusals-engine.set.no-incident",
          params: { path: `${path}.incident`, incident: c.incident },
        });
      if (c.suspect) team(c.suspect, "suspect");
      break;
    case "escalation":
      break;
  }
  checkTell(ctx, x.tell, incident, path.replace(/change$/, "tell"));
  if (unchanged) {
    const now = currentValue(s, c);
    if (
      now === targetValue(c) &&
      (c.what !== "evidence" || c.suspect === undefined || c.suspect === incident?.evidence.suspect)
    )
      reject("invalid", `${path}.${c.what === "evidence" ? "confidence" : "value"}: it is already ${now}`, {
        key: "refusals-engine.set.unchanged",
        params: { path: `${path}.${c.what === "evidence" ? "confidence" : "value"}`, now },
      });
  }
  return { change: c, reason: x.reason, tell: x.tell, incident };
}

function checkTell(ctx: Ctx, tell: Tell, incident: Incident | null, path: string): void {
  if (tell === "all" || tell === "control") return;
  tell.forEach((id, i) => {
    if (!ctx.s.teams[id])
      reject("not-found", `${path}.${i}: there is no state “${id}”`, {
        key: "refusals-engine.set.tell-no-state",
        params: { path: `${path}.${i}`, id },
      });
    if (incident && !canSee(ctx.s, { role: "team", teamId: id }, incidentAudience(incident)))
      reject(
        "invalid",
        `${path}.${i}: ${partyName(ctx.s, id)} does not know of “${incident.title}”; tell only those who do`,
        {
          key: "refusals-engine.set.tell-unaware",
          params: { path: `${path}.${i}`, team: partyName(ctx.s, id), title: incident.title },
        },
      );
  });
}

/** The value a change sets, as the state keeps it (rounded as the engine rounds). */
function targetValue(c: StateChange): number {
  return c.what === "evidence" ? Math.round(c.confidence * 100) / 100 : clamp(c.value);
}

/** The value a change would replace. */
export function currentValue(s: GameState, c: StateChange): number {
  switch (c.what) {
    case "trust":
      return trustOf(s, c.a, c.b);
    case "standing":
      return s.teams[c.team]!.standing;
    case "pressure":
      return s.teams[c.team]!.pressure;
    case "sector":
      return findSector(s, c.team, c.sector)!.health;
    case "evidence":
      return s.incidents.find((i) => i.id === c.incident)!.evidence.confidence;
    case "escalation":
      return s.escalation;
  }
}

/** Makes a checked change and records it, with its reason, for whom control chose. */
export function makeChange(ctx: Ctx, x: CheckedChange): void {
  const { s } = ctx;
  const c = x.change;
  const from = currentValue(s, c);
  const to = targetValue(c);
  const names = namesOf(c);
  const suspect = c.what === "evidence" ? (c.suspect === undefined ? x.incident!.evidence.suspect : c.suspect) : null;
  ctx.emit({
    type: "value.set",
    what: c.what,
    ...names,
    title: x.incident?.title ?? null,
    from,
    to,
    suspect,
    reason: x.reason,
    tell: x.tell,
  });
  switch (c.what) {
    case "trust":
      s.trust[pairKey(c.a, c.b)] = to;
      return;
    case "standing":
      s.teams[c.team]!.standing = to;
      return;
    case "pressure":
      s.teams[c.team]!.pressure = to;
      return;
    case "sector":
      return setSector(ctx, c.team, c.sector, to);
    case "evidence":
      x.incident!.evidence = { suspect, confidence: to };
      return;
    case "escalation":
      // the meter is public: everyone sees it move; the reason went to whom control chose
      shiftEscalation(ctx, to - from, { kind: "control-set" });
      return;
  }
}

function namesOf(c: StateChange): {
  team: string | null;
  other: string | null;
  sector: SectorKind | null;
  incident: string | null;
} {
  const none = { team: null, other: null, sector: null, incident: null };
  switch (c.what) {
    case "trust":
      return { ...none, team: c.a, other: c.b };
    case "standing":
    case "pressure":
      return { ...none, team: c.team };
    case "sector":
      return { ...none, team: c.team, sector: c.sector };
    case "evidence":
      return { ...none, incident: c.incident };
    case "escalation":
      return none;
  }
}

/** A sector's health set by hand: a change of status is visible to all, as an outage is. */
function setSector(ctx: Ctx, team: string, kind: SectorKind, to: number): void {
  const sector = findSector(ctx.s, team, kind)!;
  const was = sectorStatus(sector.health);
  sector.health = to;
  const now = sectorStatus(to);
  if (was !== now) ctx.emit({ type: "sector.changed", team, sector: kind, status: now, health: to });
}

/** state.set: control sets one value, with a reason, told to whom it chooses. */
export function setValue(ctx: Ctx, cmd: Extract<Command, { type: "state.set" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  requireRulesAtLeast(ctx, "3.0", "control setting values");
  if (ctx.s.status === "setup")
    reject("not-started", "Start the exercise before setting values", { key: "refusals-engine.set.start-first" });
  makeChange(ctx, checkChange(ctx, cmd, "change", true));
}
