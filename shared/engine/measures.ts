// The numbers that describe each state: trust between pairs, international
// standing, domestic pressure, and the health of critical-infrastructure sectors.
import type { SectorKind, SectorState, GameState } from "./types.ts";
import type { Ctx } from "./context.ts";
import { clamp, pairKey } from "./context.ts";

export const SECTOR_DEGRADED_BELOW = 70;
export const SECTOR_DOWN_BELOW = 30;
export const MAX_RESILIENCE = 90;

export type SectorStatus = "operational" | "degraded" | "down";

export function sectorStatus(health: number): SectorStatus {
  if (health < SECTOR_DOWN_BELOW) return "down";
  if (health < SECTOR_DEGRADED_BELOW) return "degraded";
  return "operational";
}

export function trustOf(s: GameState, a: string, b: string): number {
  return s.trust[pairKey(a, b)] ?? s.scenario.trust.default;
}

export function changeTrust(ctx: Ctx, a: string, b: string, delta: number): void {
  if (a === b || !ctx.s.teams[a] || !ctx.s.teams[b]) return;
  const key = pairKey(a, b);
  ctx.s.trust[key] = clamp(trustOf(ctx.s, a, b) + delta);
}

/** Changes trust between every pair in a group of teams. */
export function changeTrustAmong(ctx: Ctx, teams: string[], delta: number): void {
  teams.forEach((a, i) => teams.slice(i + 1).forEach((b) => changeTrust(ctx, a, b, delta)));
}

export function changeStanding(ctx: Ctx, teamId: string, delta: number): void {
  const t = ctx.s.teams[teamId];
  if (t) t.standing = clamp(t.standing + delta);
}

export function changePressure(ctx: Ctx, teamId: string, delta: number): void {
  const t = ctx.s.teams[teamId];
  if (t) t.pressure = clamp(t.pressure + delta);
}

export function findSector(s: GameState, teamId: string, kind: SectorKind): SectorState | undefined {
  return s.teams[teamId]?.sectors.find((x) => x.kind === kind);
}

/**
 * Changes a sector's health. Damage is reduced by its resilience. A change of
 * status is announced to all (an outage is visible); a sector going down
 * raises the owner's domestic pressure.
 */
export function changeSectorHealth(ctx: Ctx, teamId: string, kind: SectorKind, delta: number): number {
  const sector = findSector(ctx.s, teamId, kind);
  if (!sector) return 0;
  const effective = delta < 0 ? delta * (1 - sector.resilience / 100) : delta;
  const before = sector.health;
  sector.health = clamp(before + effective);
  const was = sectorStatus(before);
  const now = sectorStatus(sector.health);
  if (was !== now) {
    ctx.emit({ type: "sector.changed", team: teamId, sector: kind, status: now, health: sector.health });
    if (now === "down") changePressure(ctx, teamId, 10);
  }
  return sector.health - before;
}

export function changeResilience(ctx: Ctx, teamId: string, kind: SectorKind | "all", delta: number): void {
  const t = ctx.s.teams[teamId];
  if (!t) return;
  for (const sector of t.sectors) {
    if (kind === "all" || sector.kind === kind) sector.resilience = clamp(sector.resilience + delta, 0, MAX_RESILIENCE);
  }
}
