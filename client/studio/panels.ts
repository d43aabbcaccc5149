// The side panels other parts of the studio provide (client/studio/panel.ts): one import each.
import { t } from "../i18n/index.ts";
import type { StudioPanel } from "./panel.ts";
import { mselPanel } from "./msel-panel.ts";
import { attachmentsPanel } from "./attachments-panel.ts";
import { tryPanel } from "./try-panel.ts";

export interface SidePanel {
  id: string;
  label: string;
  panel: StudioPanel;
}

/** The side panels mounted beside the forms, in this order. */
export function sidePanels(): SidePanel[] {
  return [
    { id: "try", label: t("studio.side.try"), panel: tryPanel },
    { id: "msel", label: t("studio.side.msel"), panel: mselPanel },
    { id: "attachments", label: t("studio.side.attachments"), panel: attachmentsPanel },
  ];
}
