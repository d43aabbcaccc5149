// Why escalation moved and why a commitment was broken, in words: the causes
// as the viewer received them (audience.ts words a secret cause publicly).
import type { BreachReason, EscalationCause } from "../engine/events.ts";
import { partyName, type Cast } from "./format.ts";
import { actionName, cbmName } from "./names.ts";
import { reviewEn } from "./review-en.ts";
import { EN, type Glossary, type Language } from "./describe.ts";

/** Why a commitment was broken, in words. */
export function describeBreach(reason: BreachReason, sc: Cast, lang: Language = EN): string {
  const w = lang.words;
  switch (reason.kind) {
    case "protected-sectors":
      return w["breach.protected-sectors"]({ sectors: reason.sectors });
    case "not-notified":
      return w["breach.not-notified"]();
    case "covert-operation":
      return w["breach.covert-operation"]();
    case "unanswered":
      return w["breach.unanswered"]({ from: partyName(sc, reason.from) });
    case "timeline-missed":
      return w["breach.timeline-missed"]();
  }
}

/** Why escalation moved, in words (the cause as the viewer received it). */
export function describeCause(cause: EscalationCause, sc: Glossary, lang: Language = EN): string {
  const w = lang.words;
  const name = (id: string) => partyName(sc, id);
  switch (cause.kind) {
    case "pressure":
      return w["cause.pressure"]({ team: name(cause.team), pressure: cause.pressure });
    case "quiet-turn":
      return w["cause.quiet-turn"]();
    case "statement":
      return w["cause.statement"]({ parties: cause.parties.map(name) });
    case "accusation":
      return w["cause.accusation"]({ accuser: name(cause.accuser), accused: name(cause.accused) });
    case "dispute":
      return w["cause.dispute"]();
    case "cbm-adopted":
      return w["cause.cbm-adopted"]({ parties: cause.parties.map(name), cbm: cbmName(sc, cause.cbm) });
    case "breach":
      return w["cause.breach"]({ team: name(cause.team), cbm: cbmName(sc, cause.cbm) });
    case "timeline-missed":
      return w["cause.timeline-missed"]({ cbm: cbmName(sc, cause.cbm) });
    case "control":
      return w["cause.control"]({ reason: cause.reason });
    case "hotline":
      return w["cause.hotline"]({ a: name(cause.a), b: name(cause.b), kind: cause.messageKind });
    case "inject":
      return w["cause.inject"]({ title: sc.injects.find((i) => i.id === cause.inject)?.title ?? cause.inject });
    case "developments":
      return w["cause.developments"]();
    case "convened":
      return w["cause.convened"]({ mediator: name("mediator") });
    case "perceived":
      return w["cause.perceived"]({ target: name(cause.target) });
    case "action":
      return w["cause.action"]({ actor: name(cause.actor), action: actionName(sc, cause.action) });
    case "disproportionate":
      return w["cause.disproportionate"]({ actor: name(cause.actor) });
    case "hostile-activity":
      return w["cause.hostile-activity"]();
    case "restraint":
      return w["cause.restraint"]({ caller: name(cause.caller), target: name(cause.target) });
    case "control-set":
      return (lang.review ?? reviewEn)["cause.control-set"]();
  }
}
