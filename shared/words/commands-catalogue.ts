// Recorded commands in a translator's language: the `commands` namespace in the shape of `CommandWords`
// (commands-en.ts). Quoted texts are cut as English cuts them; the message puts its own quotation marks.
import type { Translator } from "../i18n/index.ts";
import { helpersFor } from "./catalogue-helpers.ts";
import type { CommandWords } from "./commands-en.ts";
import { short } from "./format.ts";

/** A text for a quotation: on one line and cut to `max` characters. */
function cut(text: string, max = 140): string {
  return short(text.replace(/\s+/g, " ").trim(), max);
}

const made = new WeakMap<Translator, CommandWords>();

/** Every command phrase from the catalogue, for one translator (catalogues loaded first). */
export function commandWords(tr: Translator): CommandWords {
  const cached = made.get(tr);
  if (cached) return cached;
  const h = helpersFor(tr);
  const { t, yes } = h;
  // a list as English's step strip writes it ("A, B"), in the locale's own separators
  const units = new Intl.ListFormat(tr.lang, { type: "unit", style: "short" });
  const names = (xs: readonly string[]) => units.format(xs);
  const has = (x: unknown) => yes(x !== null && x !== "");
  const reason = (r: string | null) => ({ reason: cut(r ?? ""), hasReason: has(r) });
  const title = (p: { title: string }) => ({ title: cut(p.title, 80) });
  const words: CommandWords = {
    "actor.team": (p) => t("commands.actor.team", p),
    "actor.control": (p) => t("commands.actor.control", { name: p.name ?? "", hasName: has(p.name) }),
    "actor.mediator": (p) => t("commands.actor.mediator", p),
    "actor.observer": (p) => t("commands.actor.observer", p),
    "actor.system": (p) => t("commands.actor.system", { timer: yes(p.timer) }),
    "actor.bot": (p) => t("commands.actor.bot", p),
    "exercise.start": () => t("commands.exercise.start"),
    "exercise.pause": (p) => t("commands.exercise.pause", reason(p.reason)),
    "exercise.resume": () => t("commands.exercise.resume"),
    "exercise.end": (p) => t("commands.exercise.end", reason(p.reason)),
    "phase.advance": (p) => t("commands.phase.advance", p),
    "phase.advance.end": (p) => t("commands.phase.advance.end", p),
    "phase.advance.unknown": () => t("commands.phase.advance.unknown"),
    "inject.release": (p) => t("commands.inject.release", title(p)),
    "inject.hold": (p) => t("commands.inject.hold", title(p)),
    "inject.skip": (p) => t("commands.inject.skip", title(p)),
    "inject.unhold": (p) => t("commands.inject.unhold", title(p)),
    "inject.create": (p) =>
      t("commands.inject.create", { channel: p.channel, title: cut(p.title, 80), audience: names(p.audience) }),
    "escalation.adjust": (p) =>
      t("commands.escalation.adjust", {
        delta: `${p.delta > 0 ? "+" : p.delta < 0 ? "−" : ""}${h.num(Math.abs(p.delta))}`,
        from: p.from === null ? "" : h.num(p.from),
        to: p.to === null ? "" : h.num(p.to),
        hasRange: yes(p.from !== null && p.to !== null),
        reason: cut(p.reason),
        note: cut(p.note ?? ""),
        hasNote: has(p.note),
      }),
    "observers.visibility": (p) => t("commands.observers.visibility", { seeAll: yes(p.seeAll) }),
    "bot.seat": (p) => t("commands.bot.seat", p),
    "bot.seat.out": (p) => t("commands.bot.seat.out", p),
    "agreement.ending": (p) => t("commands.agreement.ending", { ends: yes(p.ends) }),
    "autopilot.set": (p) => t("commands.autopilot.set", { on: yes(p.on) }),
    "team.chat": (p) => t("commands.team.chat", { team: p.team, text: cut(p.text) }),
    "hotline.send": (p) =>
      t("commands.hotline.send", {
        answered: yes(p.answered),
        to: p.to,
        kind: h.kind(p.kind),
        evidence: yes(p.evidence),
        text: cut(p.text),
      }),
    "orders.submit": (p) =>
      t("commands.orders.submit", {
        team: p.team,
        actions: p.actions.join("; "),
        hasActions: yes(p.actions.length > 0),
      }),
    "orders.item": (p) =>
      t("commands.orders.item", {
        action: p.action,
        target: p.target ?? "",
        hasTarget: has(p.target),
        sector: p.sector === null ? "" : h.sector(p.sector),
        hasSector: has(p.sector),
      }),
    "orders.withdraw": (p) => t("commands.orders.withdraw", p),
    "proposal.create.cbm": (p) =>
      t("commands.proposal.create.cbm", {
        cbm: cut(p.cbm, 80),
        parties: p.parties ? names(p.parties) : "",
        hasParties: has(p.parties),
      }),
    "proposal.create.statement": (p) => t("commands.proposal.create.statement", { text: cut(p.text) }),
    "proposal.respond": (p) => t("commands.proposal.respond", { accept: yes(p.accept), what: p.what }),
    "proposal.withdraw": (p) => t("commands.proposal.withdraw", p),
    "restraint.call": (p) => t("commands.restraint.call", p),
    "proposal.what.cbm": (p) => t("commands.proposal.what.cbm", { cbm: cut(p.cbm, 80) }),
    "proposal.what.statement": (p) => t("commands.proposal.what.statement", { text: cut(p.text, 60) }),
    "proposal.what.unknown": () => t("commands.proposal.what.unknown"),
    "hotline.relay": (p) =>
      t("commands.hotline.relay", {
        from: p.from ?? "",
        kind: p.kind === null ? "" : h.kind(p.kind),
        hasFrom: yes(p.from !== null && p.kind !== null),
        to: p.to,
        reworded: yes(p.reworded),
      }),
    "mediator.verify": (p) => t("commands.mediator.verify", title(p)),
    "mediator.convene": (p) => t("commands.mediator.convene", { parties: names(p.parties), text: cut(p.text) }),
    "note.add": (p) =>
      t("commands.note.add", {
        objective: cut(p.objective ?? "", 60),
        hasObjective: has(p.objective),
        text: cut(p.text),
      }),
  };
  made.set(tr, words);
  return words;
}
