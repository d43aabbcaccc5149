// Words in one place: events (and what they refer to) in sentences for a
// viewer, and the formatters every reader shares. Add a language by giving
// another `Language`; nothing else changes.
export {
  describe,
  describeBreach,
  describeCause,
  outcomeWords,
  categoryLabel,
  channelLabel,
  EN,
  glossaryOf,
  type Glossary,
  type OutcomeGlossary,
  type Language,
} from "./describe.ts";
export { en, type Words, CATEGORY_LABEL_EN, CHANNEL_LABEL_EN } from "./en.ts";
export { scheduleWords, conditionWords } from "./schedule.ts";
export { languageFor, languageOf } from "./catalogue.ts";
export { actionName, cbmName, phaseName, rungName } from "./names.ts";
export { fmt, pct, signed, duration, partyName, list, short, type Cast } from "./format.ts";
