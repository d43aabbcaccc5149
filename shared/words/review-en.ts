// Words for control's review of adjudication and the values control sets: its
// events (describe.ts hands them here) and its commands (commands.ts). English;
// another language is another `ReviewWords` object.
import type { Command } from "../engine/types.ts";
import type { EventView, GameEvent } from "../engine/events.ts";
import type { StateChange } from "../protocol/control-changes.ts";
import { fmt, pct } from "./format.ts";
import { partyName, type Cast } from "./format.ts";
import { actionName } from "./names.ts";

export const reviewEn = {
  "adjudication.mode": (p: { review: boolean }) =>
    p.review
      ? "Control will review each turn's adjudication before the teams see it"
      : "Adjudication is automatic again: each turn is resolved as the phase begins",
  "adjudication.under-review": () => "Adjudication is under review by control",
  "adjudication.approved": () => "Control approved the adjudication",
  "order.struck": (p: { team: string; action: string; reason: string }) =>
    `Control struck ${p.team}'s order “${p.action}” before the turn was resolved: ${p.reason}`,
  "value.trust": (p: { a: string; b: string }) => `trust between ${p.a} and ${p.b}`,
  "value.standing": (p: { team: string }) => `${p.team}'s international standing`,
  "value.pressure": (p: { team: string }) => `domestic pressure in ${p.team}`,
  "value.sector": (p: { team: string; sector: string }) => `the health of ${p.team}'s ${p.sector}`,
  "value.evidence": (p: { title: string }) => `confidence in the evidence on “${p.title}”`,
  "value.escalation": () => "escalation",
  "value.set": (p: { what: string; from: string; to: string; suspect: string | null; reason: string }) =>
    `Control set ${p.what} to ${p.to} (was ${p.from})` +
    (p.suspect === null ? "" : `, pointing at ${p.suspect}`) +
    `: ${p.reason}`,
  "suspect.none": () => "no state",
  "cause.control-set": () => "set by control",
  // commands, for the replay's step strip (they follow the actor's name)
  "command.mode": (p: { review: boolean }) =>
    p.review ? "turned on review of adjudication" : "turned off review of adjudication",
  "command.approve": (p: { struck: number; set: number }) =>
    p.struck || p.set
      ? `approved the adjudication with changes (${[
          ...(p.struck ? [`${p.struck} order item${p.struck === 1 ? "" : "s"} struck`] : []),
          ...(p.set ? [`${p.set} value${p.set === 1 ? "" : "s"} set`] : []),
        ].join(" and ")})`
      : "approved the adjudication",
  "command.set": (p: { what: string; to: string; reason: string }) => `set ${p.what} to ${p.to}: ${p.reason}`,
  // a value as it is read: a confidence as a percentage, the rest as a number
  amount: (p: { evidence: boolean; n: number }) => (p.evidence ? pct(p.n) : fmt(p.n)),
};
/** A language's words for the review: a template for every key English has, returning a sentence. */
export type ReviewWords = { [K in keyof typeof reviewEn]: (...p: Parameters<(typeof reviewEn)[K]>) => string };

type ValueFields = Pick<
  Extract<GameEvent, { type: "value.set" }>,
  "what" | "team" | "other" | "sector" | "incident" | "title"
>;

/** Which value, in words ("trust between Borealis and Austral"). */
export function valueName(v: ValueFields, sc: Cast, w: ReviewWords = reviewEn): string {
  const name = (id: string | null) => (id === null ? "?" : partyName(sc, id));
  switch (v.what) {
    case "trust":
      return w["value.trust"]({ a: name(v.team), b: name(v.other) });
    case "standing":
      return w["value.standing"]({ team: name(v.team) });
    case "pressure":
      return w["value.pressure"]({ team: name(v.team) });
    case "sector": {
      // a scenario, or a view's glossary, names each team's sectors
      const teams = sc.teams as readonly { id: string; sectors?: readonly { kind: string; name: string }[] }[];
      const sector = teams.find((t) => t.id === v.team)?.sectors?.find((x) => x.kind === v.sector);
      return w["value.sector"]({
        team: name(v.team),
        sector: sector ? `${sector.name} (${v.sector})` : String(v.sector),
      });
    }
    case "evidence":
      return w["value.evidence"]({ title: v.title ?? v.incident ?? "?" });
    case "escalation":
      return w["value.escalation"]();
  }
}

/** A value as it is read, in the words' locale. */
function amount(what: ValueFields["what"], n: number, w: ReviewWords): string {
  return w.amount({ evidence: what === "evidence", n });
}

type ReviewEvent = Extract<
  GameEvent | EventView,
  { type: "adjudication.mode" | "adjudication.under-review" | "adjudication.approved" | "order.struck" | "value.set" }
>;

/** The sentence of one of the review's events (describe.ts's sentence hands them here). */
export function describeReviewEvent(
  e: ReviewEvent,
  sc: Parameters<typeof valueName>[1] & { actions: readonly { id: string; name: string }[] },
  w: ReviewWords = reviewEn,
): string {
  switch (e.type) {
    case "adjudication.mode":
      return w["adjudication.mode"]({ review: e.mode === "review" });
    case "adjudication.under-review":
      return w["adjudication.under-review"]();
    case "adjudication.approved":
      return w["adjudication.approved"]();
    case "order.struck":
      return w["order.struck"]({ team: partyName(sc, e.team), action: actionName(sc, e.action), reason: e.reason });
    case "value.set":
      return w["value.set"]({
        what: valueName(e, sc, w),
        from: amount(e.what, e.from, w),
        to: amount(e.what, e.to, w),
        suspect: e.what !== "evidence" ? null : e.suspect === null ? w["suspect.none"]() : partyName(sc, e.suspect),
        reason: e.reason,
      });
  }
}

/** The value a change names, as valueName reads it. */
function fieldsOf(c: StateChange, sc: { incidents?: readonly { id: string; title: string }[] }): ValueFields {
  const none = { team: null, other: null, sector: null, incident: null, title: null };
  switch (c.what) {
    case "trust":
      return { ...none, what: c.what, team: c.a, other: c.b };
    case "standing":
    case "pressure":
      return { ...none, what: c.what, team: c.team };
    case "sector":
      return { ...none, what: c.what, team: c.team, sector: c.sector };
    case "evidence":
      return {
        ...none,
        what: c.what,
        incident: c.incident,
        title: sc.incidents?.find((i) => i.id === c.incident)?.title ?? null,
      };
    case "escalation":
      return { ...none, what: c.what };
  }
}

type ReviewCommand = Extract<Command, { type: "adjudication.mode" | "adjudication.approve" | "state.set" }>;

/** What one of the review's commands did, as a phrase that follows its actor (commands.ts hands them here). */
export function describeReviewCommand(
  c: ReviewCommand,
  sc: Parameters<typeof valueName>[1],
  events: readonly (GameEvent | EventView)[],
  w: ReviewWords = reviewEn,
): string {
  switch (c.type) {
    case "adjudication.mode":
      return w["command.mode"]({ review: c.mode === "review" });
    case "adjudication.approve":
      return w["command.approve"]({ struck: c.strike.length, set: c.set.length });
    case "state.set": {
      const done = events.find((e) => e.type === "value.set");
      const fields = done?.type === "value.set" ? done : fieldsOf(c.change, {});
      const to = c.change.what === "evidence" ? c.change.confidence : c.change.value;
      return w["command.set"]({ what: valueName(fields, sc, w), to: amount(c.change.what, to, w), reason: c.reason });
    }
  }
}
