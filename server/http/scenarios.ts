// GET /api/scenarios: the lobby's cards, each in the reader's language where the scenario is translated.
import type { Request, Response } from "express";
import type { Catalogue } from "../catalogue.ts";
import { summarize } from "../catalogue.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import { LANGUAGES, isLocale } from "../../shared/i18n/index.ts";
import { localizeScenario } from "../../shared/scenario/localize.ts";

/**
 * `?lang=` picks the language of titles, summaries, team and phase names; a scenario without it keeps its own.
 * The studio's saved scenarios are the organisers' own: listed only to a caller `organiser` accepts.
 */
export function scenarioList(
  catalogue: Catalogue,
  organiser: (req: Request) => boolean,
): (req: Request, res: Response) => void {
  return (req, res) => {
    const lang = req.query.lang ?? "en";
    if (typeof lang !== "string" || !isLocale(lang))
      throw new HttpError(400, "invalid-request", `lang: use one of ${LANGUAGES.map((l) => l.code).join(", ")}`);
    const list = catalogue.list({ saved: organiser(req) }).map((s) => {
      const full = catalogue.get(s.id);
      return full ? summarize(localizeScenario(full, lang)) : s;
    });
    res.json(list);
  };
}
