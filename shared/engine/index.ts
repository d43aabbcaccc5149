// The engine's public surface: everything server, client and tests need.
export { init, type InitOptions } from "./init.ts";
export { apply, step, type ApplyResult, type StepResult, type Envelope } from "./apply.ts";
export { cloneState, cloneStateSharing } from "./clone.ts";
export { ViewFeed } from "./view-feed.ts";
export {
  view,
  canSee,
  type MessageView,
  type ChatLineView,
  type NoteView,
  type ParticipantView,
  type TeamPublic,
  type IncidentView,
  type InjectView,
  type InjectSchedule,
  type MyTeam,
  type MyMediator,
  type MyControl,
} from "./view.ts";
export { audienceOf, incidentAudience, mayRead, redact, seesAll, type AudienceState } from "./audience.ts";
export { replay, replaySteps, continueSteps, ReplayError, type ReplayInput } from "./replay.ts";
export { phaseRemainingMs } from "./flow.ts";
export { currentPhase } from "./context.ts";
export { rungIndex, crossedRedLines } from "./escalation.ts";
export { sectorStatus, trustOf, type SectorStatus } from "./measures.ts";
export { ENGINE_VERSION } from "./version.ts";
export {
  RULES_VERSION,
  KEPT_RULES,
  checkRules,
  requireRules,
  rulesNote,
  RulesError,
  type RulesCheck,
  type RulesMode,
} from "./rules.ts";
export { setEngineFreeze } from "./freeze.ts";
export type { RejectCode } from "./reject.ts";
export {
  EVENT_CATEGORY,
  categoryOf,
  escalationAfter,
  type BreachReason,
  type EscalationCause,
  type EventBase,
  type EventCategory,
  type EventFields,
  type EventInput,
  type EventOf,
  type EventType,
  type EventView,
  type GameEvent,
  type SecretFields,
  type SectorStatusKind,
  type StoredEvent,
  type VerificationResult,
} from "./events.ts";
export type * from "./types.ts";
