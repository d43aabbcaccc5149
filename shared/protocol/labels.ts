// The words people read for inject channels, the same on the board, in the
// panels, in replay and in reports.

export const CHANNEL_LABEL: Record<string, string> = {
  news: "News",
  intelligence: "Intelligence",
  cert: "CERT bulletin",
  cable: "Diplomatic cable",
  social: "Social media",
  control: "Control",
};
