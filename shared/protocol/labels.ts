// The words people read for inject channels and log kinds, the same on the
// board, in the panels, in replay and in reports.

export const CHANNEL_LABEL: Record<string, string> = {
  news: "News",
  intelligence: "Intelligence",
  cert: "CERT bulletin",
  cable: "Diplomatic cable",
  social: "Social media",
  control: "Control",
};

export const LOG_KIND_LABEL: Record<string, string> = {
  flow: "Flow",
  inject: "Inject",
  escalation: "Escalation",
  hotline: "Hotline",
  orders: "Orders",
  outcome: "Outcome",
  perception: "Perception",
  incident: "Incident",
  attribution: "Attribution",
  agreement: "Agreement",
  commitment: "Commitment",
  mediator: "Mediator",
  sector: "Infrastructure",
  control: "Control",
};
