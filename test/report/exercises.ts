// Scripted exercises for the report tests, exported as recording files would be.
import { Driver, control, mediator, observer, team } from "../helpers/driver.ts";
import { fixture, fixtureInput } from "../helpers/fixture.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { buildRecording } from "../../shared/protocol/integrity.ts";
import type { Recording } from "../../shared/protocol/recording.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";

// the fixture's exercise is played under rules 2.2, the rules it was written for (Dark Winter runs rules 3.0)
const PLAYED_UNDER = "2.2.0";

export const START = 1_700_000_000_000;

/** The recording file of a Driver's exercise, as JSON (what a user downloads). */
export function exported(d: Driver, scenarioJson: unknown, exerciseId = "ex-report", title = d.state.title): Recording {
  const header = {
    engineVersion: d.engineVersion ?? ENGINE_VERSION,
    exerciseId,
    title,
    createdAt: START,
    seed: d.seed,
    scenario: scenarioJson,
  };
  return JSON.parse(JSON.stringify(buildRecording(header, d.commands))) as Recording;
}

export const SCRIPT = '<script>alert("x")</script>';

/**
 * The fixture (Alpha, Beta, Gamma; a hotline Alpha–Beta only; red line "Open
 * crisis" at 40; timely = 300 s), three turns:
 * turn 1 — Alpha asks Beta (first contact 2 s after the start, answered after
 * 2 min), Beta notifies Alpha and is left unanswered (lapses); Alpha and Beta
 * adopt "No target"; Alpha strikes Beta's water (breaking it) and probes Gamma
 * (misread, never notified); Beta blames Alpha for the hack Gamma did;
 * turn 2 — control pushes escalation up by 30 and back down by 40;
 * turn 3 — quiet; the turns run out.
 */
export function fixtureExercise(): Driver {
  const d = new Driver(fixture(), "report-fixture", PLAYED_UNDER);
  d.do(control, { type: "exercise.start" }); // turn 1 briefing
  d.do(control, { type: "phase.advance" }); // deliberation: the "hack" inject
  d.do(team("alpha", "Ada"), {
    type: "hotline.send",
    to: "beta",
    kind: "confirm",
    text: `${SCRIPT} Was the grid hack yours?`,
  });
  d.do(
    team("beta", "Bo"),
    { type: "hotline.send", to: "alpha", kind: "assess", text: "No. =SUM(A1:A2) is not our doing." },
    120_000,
  );
  d.do(team("beta", "Bo"), { type: "hotline.send", to: "alpha", kind: "notify", text: "We run a test tonight." });
  d.do(observer, { type: "note.add", objectiveId: "obj-1", text: "Alpha asked Beta before acting <b>promptly</b>." });
  d.do(control, { type: "note.add", text: "-Beta's notify went unanswered." });
  d.do(team("alpha", "Ada"), { type: "proposal.create", kind: "cbm", cbmId: "no-target", parties: ["alpha", "beta"] });
  d.do(team("beta", "Bo"), { type: "proposal.respond", proposalId: d.state.proposals.at(-1)!.id, accept: true });
  d.do(control, { type: "phase.advance" }); // decision
  d.do(team("alpha", "Ada"), {
    type: "orders.submit",
    actions: [
      { actionId: "strike", target: "beta", sector: "water" },
      { actionId: "probe", target: "gamma" },
    ],
  });
  d.do(team("alpha", "Al"), {
    type: "orders.submit",
    actions: [
      { actionId: "strike", target: "beta", sector: "water" },
      { actionId: "probe", target: "gamma" },
    ],
  });
  const hack = d.state.incidents.find((i) => i.title === "Grid hack")!.id;
  d.do(team("beta", "Bo"), {
    type: "orders.submit",
    actions: [{ actionId: "attribute", target: "alpha", incidentId: hack }],
  });
  d.do(team("gamma", "Gil"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
  d.do(control, { type: "phase.advance" }); // adjudication
  d.do(control, { type: "phase.advance" }); // summary
  d.do(control, { type: "phase.advance" }); // turn 2 briefing: the notify lapsed
  d.do(control, { type: "escalation.adjust", delta: 30, reason: "scenario pressure" });
  d.do(control, { type: "escalation.adjust", delta: -40, reason: "cooling for the last turn" });
  d.advanceTo("adjudication");
  d.advanceTo("summary");
  for (let i = 0; i < 6 && d.state.status !== "ended"; i++) d.do(control, { type: "phase.advance" });
  return d;
}

export function fixtureRecording(): Recording {
  return exported(fixtureExercise(), fixtureInput());
}

const V = (name = "Mara Voss") => team("valdoria", name);
const K = (name = "Ilya Brandt") => team("kestria", name);
const evaluator = { role: "observer" as const, name: "Dr. Ana Ruiz" };

/** Decision phase: each team's orders, then adjudication; stops at the turn summary. */
function orders(d: Driver, byTeam: [ReturnType<typeof team>, Parameters<Driver["do"]>[1]][]): void {
  d.advanceTo("decision");
  for (const [actor, cmd] of byTeam) d.do(actor, cmd);
  d.advanceTo("summary");
}
const incident = (d: Driver, title: string) => d.state.incidents.find((i) => i.title === title)!.id;

/**
 * Dark Winter (grid-intrusion, seed "s3", rules 3.0) played to the end of its five turns:
 * turn 1 — Valdoria asks Kestria to confirm (answered late, after 400 s),
 * Kestria notifies a hunt-forward operation (answered at once), an evaluator
 * notes both; Valdoria publicly blames Kestria for the blackout an outside
 * group caused (a misattribution) and sanctions it; turn 2 — both adopt
 * pre-notification, Meridian convenes talks, Valdoria types markup into the
 * hotline, Kestria probes without notice (breaking the pledge); turn 3 — the
 * seed draws a quiet week, but the second wave lands, Valdoria's question is
 * left unanswered (lapses), Valdoria investigates the second wave, and under
 * the pressure its turn-1 blame left its hardliners lurch the crisis past the
 * civilian-reprisal line; partners step in (drawn by the seed) and pull it
 * back; turn 4 — a deconflict exchange, Valdoria opens its logs and both call
 * for restraint, while the hardliners' motion (drawn by the seed) keeps the
 * pressure on; turn 5 — quiet orders, the hardliners lurch again, and the
 * turns run out one rung short of armed conflict.
 */
export function gridExercise(): Driver {
  const d = new Driver(loadScenario("grid-intrusion"), "s3");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(V(), {
    type: "hotline.send",
    to: "kestria",
    kind: "confirm",
    text: "Confirm whether Kestrian units were active in our northern grid last night.",
    incidentId: d.state.incidents[0]!.id,
  });
  d.do(
    K(),
    {
      type: "hotline.send",
      to: "valdoria",
      kind: "assess",
      text: "We reject the insinuation. No Kestrian unit opened breakers in your grid.",
    },
    400_000,
  );
  d.do(evaluator, {
    type: "note.add",
    objectiveId: "structured-hotline",
    text: "Kestria took almost seven minutes to answer the first confirm request, past the five-minute standard.",
  });
  d.do(K("Sofia Lind"), {
    type: "hotline.send",
    to: "valdoria",
    kind: "notify",
    text: "We will run a hunt-forward operation on our side of the interconnector tonight.",
  });
  d.do(
    V("Jonas Hale"),
    { type: "hotline.send", to: "kestria", kind: "text", text: "Noted; our operators are informed." },
    30_000,
  );
  d.do(evaluator, {
    type: "note.add",
    objectiveId: "verify-before-blame",
    text: "Valdoria's cabinet drafted a statement naming Kestria before Meridian had seen a single sample.",
  });
  orders(d, [
    [
      V(),
      {
        type: "orders.submit",
        actions: [
          { actionId: "attribute", target: "kestria", incidentId: d.state.incidents[0]!.id },
          { actionId: "sanctions", target: "kestria" },
          { actionId: "harden" },
        ],
      },
    ],
    [
      K("Sofia Lind"),
      {
        type: "orders.submit",
        actions: [
          { actionId: "active-defence", target: "valdoria" },
          { actionId: "harden" },
          { actionId: "brief-partners" },
        ],
      },
    ],
  ]);
  d.advanceTo("deliberation");
  d.do(K(), { type: "proposal.create", kind: "cbm", cbmId: "pre-notification" });
  d.do(V(), { type: "proposal.respond", proposalId: d.state.proposals.at(-1)!.id, accept: true });
  d.do(mediator, {
    type: "mediator.convene",
    parties: ["valdoria", "kestria"],
    text: "Technical talks on the blackout evidence",
  });
  d.do(V("Jonas Hale"), {
    type: "hotline.send",
    to: "kestria",
    kind: "text",
    text: `Stop the probes or we respond. ${SCRIPT}`,
  });
  d.do(K(), { type: "hotline.send", to: "valdoria", kind: "text", text: "There are no probes." }, 60_000);
  d.do(evaluator, {
    type: "note.add",
    objectiveId: "proportionate-response",
    text: "Valdoria's sanctions in turn 1 came before a single verified finding.",
  });
  orders(d, [
    [
      V(),
      {
        type: "orders.submit",
        actions: [{ actionId: "demarche", target: "kestria" }, { actionId: "public-briefing" }, { actionId: "harden" }],
      },
    ],
    [
      K(),
      {
        type: "orders.submit",
        actions: [
          { actionId: "probe", target: "valdoria" },
          { actionId: "forensics", incidentId: incident(d, "KesTel core router intrusion") },
        ],
      },
    ],
  ]);
  d.advanceTo("deliberation");
  d.do(V(), {
    type: "hotline.send",
    to: "kestria",
    kind: "confirm",
    text: "The second wave used a Kestrian state data centre. Confirm or deny.",
  });
  d.do(control, { type: "note.add", text: "Kestria's team chose not to answer the data-centre question." });
  orders(d, [
    [
      V(),
      {
        type: "orders.submit",
        actions: [
          ...d.state.incidents
            .filter((i) => i.turn === 3 && i.victim === "valdoria")
            .map((i) => ({ actionId: "forensics", incidentId: i.id })),
          { actionId: "public-briefing" },
        ],
      },
    ],
    [
      K(),
      {
        type: "orders.submit",
        actions: [{ actionId: "brief-partners" }, { actionId: "public-briefing" }],
      },
    ],
  ]);
  d.advanceTo("deliberation");
  d.do(mediator, {
    type: "mediator.convene",
    parties: ["valdoria", "kestria"],
    text: "Talks on the claim of responsibility",
  });
  d.do(V(), {
    type: "hotline.send",
    to: "kestria",
    kind: "deconflict",
    text: "We will take no further measures while Meridian examines the claim.",
  });
  d.do(K(), { type: "hotline.send", to: "valdoria", kind: "deconflict", text: "Nor will we." }, 90_000);
  d.do(evaluator, {
    type: "note.add",
    objectiveId: "structured-hotline",
    text: "The turn-4 deconflict exchange was prompt and calm.",
  });
  orders(d, [
    [
      V(),
      {
        type: "orders.submit",
        actions: [{ actionId: "open-logs", target: "kestria" }, { actionId: "call-restraint" }],
      },
    ],
    [K(), { type: "orders.submit", actions: [{ actionId: "call-restraint" }] }],
  ]);
  d.advanceTo("deliberation");
  orders(d, [
    [V(), { type: "orders.submit", actions: [{ actionId: "public-briefing" }] }],
    [K(), { type: "orders.submit", actions: [{ actionId: "brief-partners" }] }],
  ]);
  d.do(control, { type: "phase.advance" });
  return d;
}

export function gridRecording(): Recording {
  return exported(gridExercise(), rawScenario("grid-intrusion"), "ex-dark-winter");
}
