// The side panels other parts of the studio provide (client/studio/panel.ts): one import each when its file exists.
import type { StudioPanel } from "./panel.ts";

export interface SidePanel {
  id: string;
  label: string;
  panel: StudioPanel;
}

/** The side panels mounted beside the forms, in this order. */
export function sidePanels(): SidePanel[] {
  return [];
}
