// The scenario schema's own messages (the English given to .regex, .min, .refine in shared/scenario) with their
// studio-fields keys: a designer reading another language gets them worded whole. Pure: the catalogue script
// writes their English from here, and a test proves each one is a message the schema gives.
import { MAX_ATTACHMENTS_PER_INJECT } from "../../shared/scenario/attachments.ts";

export interface IssueWords {
  key: string;
  /** the schema's English message, exactly */
  english: string;
  params?: Record<string, number>;
}

const max = MAX_ATTACHMENTS_PER_INJECT;

/** Every message the schema words itself (zod's own messages come from zod's locales instead). */
export const SCHEMA_MESSAGES: IssueWords[] = [
  {
    key: "studio-fields.issue.id",
    english: 'an id of lowercase letters, digits and dashes, e.g. "grid-intrusion"',
  },
  { key: "studio-fields.issue.non-empty-text", english: "a non-empty text" },
  { key: "studio-fields.issue.non-empty-title", english: "a non-empty title" },
  { key: "studio-fields.issue.at-most-a-day", english: "at most 86400 seconds (one day)" },
  { key: "studio-fields.issue.two-rungs", english: "a ladder needs at least two rungs" },
  { key: "studio-fields.issue.one-sector", english: "a state needs at least one sector" },
  { key: "studio-fields.issue.colour", english: 'a colour like "#3366cc"' },
  { key: "studio-fields.issue.one-condition", english: "list at least one condition" },
  { key: "studio-fields.issue.at-or-when", english: 'an inject needs "at" (scheduled) or "when" (triggered)' },
  { key: "studio-fields.issue.chance", english: "a chance from 0 to 1" },
  { key: "studio-fields.issue.teams-min", english: "a scenario needs two to six teams" },
  { key: "studio-fields.issue.teams-max", english: "a scenario has at most six teams" },
  {
    key: "studio-fields.issue.attachment-id",
    english: "an attachment id: the 64 hexadecimal digits the studio's upload gave",
  },
  { key: "studio-fields.issue.link-length", english: "a link of at most 2000 characters" },
  { key: "studio-fields.issue.https-link", english: 'a full https link, e.g. "https://example.org/statement"' },
  {
    key: "studio-fields.issue.attachments-max",
    english: `at most ${max} attachments on one inject`,
    params: { max },
  },
  {
    key: "studio-fields.issue.language-code",
    english: 'a language code of two or three lowercase letters, e.g. "fr"',
  },
  { key: "studio-fields.issue.languages-min", english: "list at least the language the scenario is written in" },
];

/** The cross-checks' keyed messages (shared/scenario: cross-check.ts and friends pass the key and parameters). */
export const CHECK_MESSAGES: Record<string, string> = {
  "studio-fields.check.duplicate-id": 'duplicate {what} id "{id}" (first used at index {first})',
  "studio-fields.check.reserved-id": '"{id}" is a reserved word (reserved: {reserved}); choose another id',
  "studio-fields.check.first-rung": "the first rung must begin at 0",
  "studio-fields.check.rung-order": "must be greater than the previous rung's ({from})",
  "studio-fields.check.start-below-top":
    "must be below the top rung ({from}); starting on it would end the exercise at once",
  "studio-fields.check.unknown-rung": 'unknown rung "{id}"',
  "studio-fields.check.one-decision": 'a turn needs exactly one "decision" phase (found {found})',
  "studio-fields.check.one-adjudication": 'a turn needs exactly one "adjudication" phase (found {found})',
  "studio-fields.check.adjudication-after": "the adjudication phase must come after the decision phase",
  "studio-fields.check.unknown-team": 'unknown team "{id}" (teams: {teams})',
  "studio-fields.check.unknown-cbm": 'unknown CBM "{id}"',
  "studio-fields.check.unknown-phase": 'unknown phase "{id}" (phases: {phases})',
  "studio-fields.check.unknown-action": 'unknown action "{id}"',
  "studio-fields.check.after-last-turn": "turn {turn} is after the last turn ({last})",
  "studio-fields.check.agreement-terms": "an agreement needs at least one CBM or a joint statement",
  "studio-fields.check.agreement-after-last":
    "turn {turn} is after the last turn ({last}); no agreement could ever end the exercise",
  "studio-fields.check.agreement-states":
    'the end agreement is between states, and only {states} team(s) have the role "state" ' +
    "(neutral and non-state teams are not parties to it)",
  "studio-fields.check.trust-pair-same": "trust is between two different teams",
  "studio-fields.check.hotline-pair-same": "a hotline links two different teams",
  "studio-fields.check.hostile-needs-target":
    'a hostile action (severity {severity}) must name whom it is aimed at: "state" or "sector", not "none"',
  "studio-fields.check.misreading-milder":
    "a misreading makes an act look worse: {perceived} is milder than the act's severity ({severity})",
  "studio-fields.check.effects-need-target": 'effects refer to "target" but the action has no target',
  "studio-fields.check.perception-needs-target": "perception needs an action aimed at a state or a sector",
  "studio-fields.check.incident-needs-target": "an incident needs an action aimed at a state or a sector",
  "studio-fields.check.range-order": "the range must go from low to high",
  "studio-fields.check.covert-trust":
    "a covert action cannot change trust between actor and target: the target would learn who acted",
  "studio-fields.check.special-targets-incident": 'a "{special}" action must target "incident"',
  "studio-fields.check.no-target-sectors": "a no-target commitment must name the sectors it protects",
  "studio-fields.check.timeline-needs": "a timeline commitment needs '{' rung, withinTurns '}'",
  "studio-fields.check.deadline-never":
    "{within} turns from adoption is never within the exercise's {turns}: the deadline could never fall due",
  "studio-fields.check.no-sector-to-protect": "no team has a {kind} sector: the promise would protect nothing",
  "studio-fields.check.ref-outside-action": '"{ref}" only means something inside an action; name a team',
  "studio-fields.check.trust-self": 'trust between "{team}" and itself changes nothing; name two different teams',
  "studio-fields.check.team-no-sector": 'team "{team}" has no {kind} sector (it has: {has})',
  "studio-fields.check.unknown-inject": 'unknown inject "{id}": name an inject that creates an incident, or "latest"',
  "studio-fields.check.no-mediator": "the scenario has no mediator",
  "studio-fields.check.target-sector": '"target" sector needs an action whose target is "sector"',
  "studio-fields.check.no-reach-actor":
    "no team that may order it has a {kind} sector: the effect could never apply (teams with sectors: {teams})",
  "studio-fields.check.no-reach-target":
    "no possible target has a {kind} sector: the effect could never apply (teams with sectors: {teams})",
  "studio-fields.check.no-reach-all":
    "no team has a {kind} sector: the effect could never apply (teams with sectors: {teams})",
  "studio-fields.check.evidence-in-action":
    "an evidence effect belongs to an inject; an action changes evidence with its investigate special",
  "studio-fields.check.inject-no-incident": 'inject "{id}" creates no incident; name one that does, or "latest"',
  "studio-fields.check.evidence-too-early":
    "an inject's effects apply before its own incident exists; change the evidence from a later inject",
  "studio-fields.check.victim-no-sector": 'team "{team}" has no {kind} sector',
  "studio-fields.check.unknown-team-alone": 'unknown team "{id}"',
  "studio-fields.check.action-no-target": 'action "{action}" names no target, so it is never taken against a team',
  "studio-fields.check.secret-audience":
    'this inject waits for whether an accusation was right ("correct"), a secret only control knows: ' +
    'its audience must be ["facilitator"] alone',
  "studio-fields.check.secret-effects":
    'this inject waits for whether an accusation was right ("correct"), a secret only control knows: ' +
    "it may have no effects (they show)",
  "studio-fields.check.secret-incident":
    'this inject waits for whether an accusation was right ("correct"), a secret only control knows: ' +
    "it may not create an incident",
  "studio-fields.check.group-alone": 'group "{group}" has this inject alone; a group draws one of several',
  "studio-fields.check.group-unscheduled": 'a group\'s injects are scheduled ("at"); "{id}" has none',
  "studio-fields.check.group-when": 'a group\'s injects are drawn at their "at"; remove "when"',
  "studio-fields.check.group-chance": 'a group member is drawn by its group; "chance" would draw it twice',
  "studio-fields.check.lang-twice": '"{lang}" is listed twice',
  "studio-fields.check.lang-unclaimed":
    '"{lang}" is not one of the scenario\'s languages: add it to "languages" ({languages})',
  "studio-fields.check.lang-none-claimed":
    '"{lang}" is not one of the scenario\'s languages: list the scenario\'s languages in "languages"',
  "studio-fields.check.lang-source":
    '"{lang}" is the language the scenario is written in: its texts stay where they are',
  "studio-fields.check.lang-unknown-path": '"{path}" names no text of the scenario',
  "studio-fields.check.lang-missing": 'the {lang} text of "{path}" is missing',
};

/** A plain text as an ICU message that shows it unchanged (braces quoted). */
export function icuLiteral(text: string): string {
  return text.replace(/[{}]+/g, (run) => `'${run}'`);
}

/** "…, got 7": zod's message and the value it found. */
export const GOT_KEY = "studio-fields.issue.got";

/** The keys' English as catalogue messages: the numbers become parameters. */
export function englishIssueCatalogue(): Record<string, string> {
  const out: Record<string, string> = { [GOT_KEY]: "{message}, got {value}" };
  for (const m of SCHEMA_MESSAGES) {
    let text = icuLiteral(m.english);
    for (const [name, n] of Object.entries(m.params ?? {})) text = text.replace(String(n), `{${name}}`);
    out[m.key] = text;
  }
  return { ...out, ...CHECK_MESSAGES };
}

const byEnglish = new Map(SCHEMA_MESSAGES.map((m) => [m.english, m]));

/** The key of a message the schema gave, or undefined for zod's own and others. */
export function schemaMessage(message: string): IssueWords | undefined {
  return byEnglish.get(message);
}
