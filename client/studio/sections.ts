// The scenario's top-level parts grouped into the tabs a designer works through.
import { t } from "../i18n/index.ts";

export interface Section {
  id: string;
  label: string;
  /** the scenario's top-level keys this tab edits */
  keys: string[];
}

/** Every top-level key of the schema is in one section (a unit test keeps it so). */
export function sections(): Section[] {
  return [
    {
      id: "overview",
      label: t("studio.tab.overview"),
      keys: ["id", "title", "summary", "background", "objectives", "turns"],
    },
    { id: "teams", label: t("studio.tab.teams"), keys: ["teams", "mediator", "trust", "hotline"] },
    { id: "ladder", label: t("studio.tab.ladder"), keys: ["ladder"] },
    { id: "phases", label: t("studio.tab.phases"), keys: ["phases"] },
    { id: "actions", label: t("studio.tab.actions"), keys: ["actions", "fog"] },
    { id: "injects", label: t("studio.tab.injects"), keys: ["injects"] },
    { id: "measures", label: t("studio.tab.measures"), keys: ["cbms", "end"] },
    { id: "model", label: t("studio.tab.model"), keys: ["model"] },
    { id: "languages", label: t("studio.tab.languages"), keys: ["languages", "translations"] },
  ];
}

/** The section that edits a path ("injects.3.title" → injects). */
export function sectionOf(path: string, list: Section[] = sections()): Section {
  const top = path.split(".")[0] ?? "";
  return list.find((s) => s.keys.includes(top)) ?? list[0]!;
}
