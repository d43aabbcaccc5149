// The scenario file format, written once as zod; types, validation and the
// editor JSON Schema all come from here.
import { z } from "zod";
import { scenarioLanguages, scenarioTranslations } from "./languages.ts";
import { injectAttachments } from "./attachments.ts";

export const SCENARIO_FORMAT_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes, e.g. "grid-intrusion"');
const text = z.string().min(1, "a non-empty text");
const percent = z.number().min(0).max(100);
const probability = z.number().min(0).max(1);

export const SECTOR_KINDS = ["energy", "water", "health", "finance", "transport", "telecom", "defence"] as const;
export const sectorKind = z.enum(SECTOR_KINDS);
export type SectorKind = z.infer<typeof sectorKind>;

export const PHASE_KINDS = ["briefing", "deliberation", "decision", "adjudication", "summary"] as const;
export const phase = z.strictObject({
  id,
  name: text,
  kind: z.enum(PHASE_KINDS),
  durationSeconds: z
    .number()
    .int()
    .positive()
    .max(86400, "at most 86400 seconds (one day)")
    .optional()
    .describe("phase timer; the phase advances by itself when it runs out"),
  hotline: z
    .boolean()
    .optional()
    .describe("hotline, mediation and proposals open in this phase (default: deliberation and decision)"),
});
export type Phase = z.infer<typeof phase>;

export const rung = z.strictObject({
  id,
  name: text,
  from: z.number().min(0).max(100).describe("escalation value (0-100) at which this rung begins"),
  description: z.string().optional(),
});
export const redLine = z.strictObject({
  id,
  name: text,
  rung: id.describe("the rung at which the red line is crossed"),
  description: z.string().optional(),
});
export const ladder = z.strictObject({
  rungs: z.array(rung).min(2, "a ladder needs at least two rungs"),
  redLines: z.array(redLine).default([]),
  start: z.number().min(0).max(100).default(0).describe("escalation value at the start"),
});
export type Ladder = z.infer<typeof ladder>;

export const teamSector = z.strictObject({
  kind: sectorKind,
  name: text.describe('what this sector is called in this state, e.g. "Northern Grid"'),
  health: percent.default(100),
  resilience: percent.default(0).describe("percent of incoming damage absorbed"),
});
export type TeamSector = z.infer<typeof teamSector>;

/** What a team is: a state in the dispute, a neutral third state, or a non-state actor (docs/scenario-format.md). */
export const TEAM_ROLES = ["state", "neutral", "non-state"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const team = z.strictObject({
  id,
  name: text,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like "#3366cc"'),
  briefing: text.describe("private briefing, seen only by this team and control"),
  objectives: z.array(text).default([]).describe("the team's own private objectives"),
  sectors: z.array(teamSector).min(1, "a state needs at least one sector"),
  actionPoints: z.number().int().min(1).default(3).describe("budget for orders each turn"),
  standing: percent.default(60),
  pressure: percent.default(30),
  role: z
    .enum(TEAM_ROLES)
    .optional()
    .describe(
      "state (default): a party to the dispute; neutral: a third state, not needed in the end agreement; " +
        "non-state: an armed group or a company, never a party to measures, statements or the agreement",
    ),
});
export type Team = z.infer<typeof team>;

export const mediator = z.strictObject({
  name: text,
  briefing: text,
  actionsPerTurn: z.number().int().min(1).default(3).describe("verify / convene actions each turn"),
  verifyBoost: probability.default(0.3).describe("evidence confidence gained by one verification"),
});

/** Who an effect touches: the acting team, the order's target, every other team, everybody, or a named team. */
export const teamRef = z.union([z.enum(["actor", "target", "others", "all"]), id]);
export type TeamRef = z.infer<typeof teamRef>;

export const effect = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("escalation"), delta: z.number() }),
  z.strictObject({
    type: z.literal("sector"),
    team: teamRef,
    sector: z
      .union([sectorKind, z.literal("target")])
      .describe('a sector kind, or "target" for the sector chosen in the order'),
    delta: z.number().describe("change in health; damage is reduced by the sector's resilience"),
  }),
  z.strictObject({
    type: z.literal("resilience"),
    team: teamRef,
    sector: z.union([sectorKind, z.literal("target"), z.literal("all")]),
    delta: z.number(),
  }),
  z.strictObject({ type: z.literal("trust"), a: teamRef, b: teamRef, delta: z.number() }),
  z.strictObject({ type: z.literal("standing"), team: teamRef, delta: z.number() }),
  z.strictObject({ type: z.literal("pressure"), team: teamRef, delta: z.number() }),
  z.strictObject({
    type: z.literal("evidence"),
    incident: id.describe('the inject whose incident this changes, or "latest" for the newest incident'),
    confidence: z.number().min(-1).max(1).describe("change in the evidence's confidence (kept within 0.05-0.95)"),
    suspect: id.nullable().optional().describe("the evidence now points at this team (null: at no state)"),
  }),
]);
export type Effect = z.infer<typeof effect>;

export const ACTION_CATEGORIES = [
  "offensive",
  "defensive",
  "intelligence",
  "diplomatic",
  "public",
  "economic",
  "resilience",
] as const;
export const action = z.strictObject({
  id,
  name: text,
  description: text,
  category: z.enum(ACTION_CATEGORIES),
  cost: z.number().int().min(0).default(1).describe("action points"),
  severity: z.number().int().min(0).max(5).default(0).describe("hostility 0 (none) to 5 (destructive attack)"),
  target: z.enum(["none", "state", "sector", "incident"]).default("none").describe("what the order must name"),
  visibility: z.enum(["public", "target", "covert"]).default("public"),
  availableTo: z.array(id).optional().describe("team ids; default every team"),
  effects: z.array(effect).default([]),
  perception: z
    .strictObject({
      misreadChance: probability,
      perceivedAs: text.describe("how the target reads it when misperceived"),
      perceivedSeverity: z.number().int().min(0).max(5),
    })
    .optional()
    .describe("fog: the chance the target reads this as something worse"),
  incident: z
    .strictObject({
      title: text,
      severity: z.number().int().min(1).max(5),
      confidence: z.tuple([probability, probability]).default([0.3, 0.8]).describe("range of the evidence confidence"),
      falseFlagChance: probability.default(0.15).describe("chance the evidence points at the wrong state"),
      publicChance: probability.default(0.3).describe("chance the incident becomes public at once"),
    })
    .optional()
    .describe("a covert operation leaves an incident on the target"),
  failChance: probability.default(0).describe("chance the operation fails: no effects, no incident"),
  discoverChance: probability
    .default(0)
    .describe("covert: chance the target catches the actor in the act (the act is then known, its incident public)"),
  special: z
    .enum(["attribute", "investigate"])
    .optional()
    .describe(
      "attribute: public attribution of an incident to the target; investigate: raise evidence confidence and maybe correct it",
    ),
});
export type Action = z.infer<typeof action>;

export const CBM_KINDS = [
  "hotline",
  "pre-notification",
  "incident-reporting",
  "joint-cert",
  "no-target",
  "timeline",
] as const;
export const cbm = z.strictObject({
  id,
  name: text,
  description: text,
  kind: z.enum(CBM_KINDS),
  cost: z.number().min(0).default(5).describe("domestic pressure each party takes on when adopting"),
  trust: z.number().default(8).describe("trust gained between every pair of parties on adoption"),
  escalation: z.number().default(-4).describe("escalation change on adoption"),
  protectedSectors: z.array(sectorKind).optional().describe("no-target: sectors the parties promise not to attack"),
  timeline: z
    .strictObject({ rung: id, withinTurns: z.number().int().min(1) })
    .optional()
    .describe("timeline: escalation must be at or below this rung within this many turns"),
});
export type Cbm = z.infer<typeof cbm>;

/** The crisis model's tunable numbers (shared/engine/model.ts holds the defaults and says what each does). */
export const modelTuning = z
  .strictObject({
    pressurePerIncident: z
      .number()
      .min(0)
      .max(30)
      .optional()
      .describe("pressure per turn per unanswered public incident"),
    repeatFactor: probability
      .optional()
      .describe("each repeat of the same calming move keeps this share of its effect"),
    inconclusiveChance: probability.optional().describe("chance a verification finds nothing new"),
    hastyEscalation: z.number().min(0).max(30).optional().describe("extra escalation of a hasty public attribution"),
    hardlinerEscalation: z
      .number()
      .min(0)
      .max(30)
      .optional()
      .describe("escalation when hardliners push a government under heavy pressure"),
    hardlinerOdds: z
      .number()
      .min(0.1)
      .max(1)
      .optional()
      .describe(
        "scales the hardliners' chance each turn: lower makes their push rarer (pair it with a larger escalation)",
      ),
  })
  .describe("tuning of the crisis model; every field optional");
export type ModelTuning = z.infer<typeof modelTuning>;

export const CHANNELS = ["news", "intelligence", "cert", "cable", "social", "control"] as const;
export const channel = z.enum(CHANNELS);
/** An audience: "all", "mediator", "observers", "facilitator" (control only) or team ids. */
export const audience = z.array(z.union([z.enum(["all", "mediator", "observers", "facilitator"]), id])).min(1);
export type Audience = z.infer<typeof audience>;

/** One fact about the exercise an inject can wait for (shared/engine/conditions.ts reads them). */
export const simpleCondition = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("escalation"), atLeastRung: id }),
  z.strictObject({
    type: z.literal("action"),
    action: id,
    by: id.optional(),
    against: id.optional().describe("the team the order named as its target"),
  }),
  z.strictObject({ type: z.literal("sector-down"), team: id.optional(), sector: sectorKind.optional() }),
  z.strictObject({ type: z.literal("pressure"), team: id.optional(), atLeast: percent }),
  z.strictObject({ type: z.literal("misattribution") }),
  z.strictObject({ type: z.literal("commitment-broken"), cbm: id.optional() }),
  z.strictObject({
    type: z.literal("attribution"),
    by: id.optional(),
    accused: id.optional(),
    correct: z
      .boolean()
      .optional()
      .describe("whether the accusation was right: a secret, so only for injects to control alone, without effects"),
  }),
  z.strictObject({ type: z.literal("measure-adopted"), cbm: id.optional() }),
  z.strictObject({ type: z.literal("turn"), atLeast: z.number().int().min(1).describe("the turn has reached this") }),
]);
export type SimpleCondition = z.infer<typeof simpleCondition>;

/** A condition: a simple one, or several combined: all must hold, some (at least one) must, or one must not. */
export type Condition = SimpleCondition | { all: Condition[] } | { some: Condition[] } | { not: Condition };
export const condition: z.ZodType<Condition, Condition> = z
  .lazy(() =>
    z.union([
      simpleCondition,
      z.strictObject({ all: z.array(condition).min(1, "list at least one condition") }),
      z.strictObject({ some: z.array(condition).min(1, "list at least one condition") }),
      z.strictObject({ not: condition }),
    ]),
  )
  .meta({ id: "condition", description: "a simple condition, or { all: [...] }, { some: [...] }, { not: {...} }" });

export const injectIncident = z.strictObject({
  title: text,
  victim: id,
  sector: sectorKind,
  severity: z.number().int().min(1).max(5),
  culprit: id.nullable().describe("who really did it (null: a non-state actor); only control sees this"),
  suspect: id.nullable().describe("whom the first evidence points at"),
  confidence: probability,
  public: z.boolean().default(false),
});

export const inject = z
  .strictObject({
    id,
    title: text,
    body: text,
    channel: channel.default("news"),
    audience,
    at: z
      .strictObject({ turn: z.number().int().min(1), phase: id })
      .optional()
      .describe("scheduled release"),
    when: condition.optional().describe("released when this condition first holds"),
    effects: z.array(effect).default([]),
    incident: injectIncident.optional(),
    attachments: injectAttachments,
    chance: z
      .number()
      .min(0, "a chance from 0 to 1")
      .max(1, "a chance from 0 to 1")
      .optional()
      .describe("when due, released with this probability (the exercise's seed draws it), else dropped for good"),
    group: id
      .optional()
      .describe(
        "of the scheduled injects of a group due at the same time, the seed draws exactly one; the rest are dropped",
      ),
  })
  .refine((i) => i.at || i.when, { message: 'an inject needs "at" (scheduled) or "when" (triggered)' });
export type Inject = z.infer<typeof inject>;

export const objective = z.strictObject({ id, text });

export const scenario = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  id,
  title: text,
  summary: text,
  background: z.string().default("").describe("public background every participant reads"),
  objectives: z.array(objective).default([]).describe("exercise objectives; observers tie notes to them"),
  turns: z.number().int().min(1).max(50),
  phases: z.array(phase).min(2),
  ladder,
  teams: z.array(team).min(2, "a scenario needs two to six teams").max(6, "a scenario has at most six teams"),
  mediator: mediator.optional(),
  trust: z
    .strictObject({
      default: percent.default(50),
      pairs: z.array(z.strictObject({ a: id, b: id, value: percent })).default([]),
    })
    .default({ default: 50, pairs: [] }),
  hotline: z
    .strictObject({
      initial: z.union([z.enum(["all", "none"]), z.array(z.tuple([id, id]))]).default("all"),
      timelySeconds: z.number().int().positive().default(300).describe("an answer within this time counts as timely"),
    })
    .default({ initial: "all", timelySeconds: 300 }),
  fog: z
    .strictObject({
      preNotificationFactor: probability
        .default(0.3)
        .describe("misread chance multiplied by this after a notify message"),
    })
    .default({ preNotificationFactor: 0.3 }),
  actions: z.array(action).min(1),
  cbms: z.array(cbm).default([]),
  injects: z.array(inject).default([]),
  model: modelTuning.default({}),
  end: z
    .strictObject({
      agreement: z
        .strictObject({
          cbms: z.array(id).default([]).describe("CBMs every team must have adopted"),
          statement: z.boolean().default(false).describe("a joint statement of every team is required"),
          notBeforeTurn: z
            .number()
            .int()
            .min(1)
            .default(1)
            .describe("the agreement cannot conclude the exercise before this turn"),
          minTrust: percent.default(0).describe("trust between every pair of parties must be at least this"),
          minStanding: percent
            .default(0)
            .describe("every party's standing must be at least this (no deal with a pariah)"),
          verified: z
            .boolean()
            .default(false)
            .describe("every public incident must have been verified or rightly attributed"),
          holdTurns: z
            .number()
            .int()
            .min(0)
            .default(0)
            .describe("success is declared only when the agreement has held this many turns"),
        })
        .optional(),
    })
    .default({}),
  languages: scenarioLanguages,
  translations: scenarioTranslations,
});
export type Scenario = z.infer<typeof scenario>;
export type ScenarioInput = z.input<typeof scenario>;
