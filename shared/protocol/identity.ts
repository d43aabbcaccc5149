// Who someone is, in one family of types: the seat a join code opens, and what
// it is called. The server decides the seat from the code, never from a payload.
import type { Scenario } from "../scenario/schema.ts";

/** The seat a join code opens: it decides what its holder may see and do. */
export type Seat =
  { role: "facilitator" } | { role: "observer" } | { role: "mediator" } | { role: "team"; teamId: string };

/** The seat's display name (the team's or the role's), shown to whoever holds it. */
export function seatName(sc: Pick<Scenario, "teams" | "mediator">, seat: Seat): string {
  if (seat.role === "team") return sc.teams.find((t) => t.id === seat.teamId)?.name ?? seat.teamId;
  if (seat.role === "mediator") return sc.mediator?.name ?? "Mediator";
  return seat.role === "facilitator" ? "Control" : "Observer";
}
