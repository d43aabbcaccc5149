// The after-action report says which seats bots played, and with which policy,
// apart from the people who played: an analyst must not take a bot for a person.
import { describe, expect, it } from "vitest";
import { playGame, policyByName } from "../../shared/bots/index.ts";
import { buildRecording, loadRecording } from "../../shared/protocol/integrity.ts";
import { analyze } from "../../shared/report/analyze.ts";
import { renderHtml } from "../../shared/report/html.ts";
import { renderMarkdown } from "../../shared/report/markdown.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { reportLanguage } from "../../shared/report/language.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";

describe("report: seats played by bots", () => {
  const scenario = loadScenario("grid-intrusion");
  const [first, second] = scenario.teams.map((t) => t.id);
  const game = playGame(scenario, "report-bots", {
    [first!]: policyByName("hawk"),
    [second!]: policyByName("cautious-diplomat"),
  });
  const header = {
    engineVersion: ENGINE_VERSION,
    exerciseId: "ex-bots",
    title: game.state.title,
    createdAt: 1_700_000_000_000,
    seed: "report-bots",
    scenario: rawScenario("grid-intrusion"),
  };
  const loaded = loadRecording(JSON.parse(JSON.stringify(buildRecording(header, game.commands))));
  if (!loaded.ok) throw new Error(loaded.error);
  const a = analyze(loaded.recording, loaded.integrity);

  it("lists each bot's policy under its seat, not as a named person", () => {
    const seat = (id: string) => a.overview.participants.find((p) => p.team?.id === id)!;
    expect(seat(first!)).toMatchObject({ names: [], bots: ["hawk"] });
    expect(seat(second!)).toMatchObject({ names: [], bots: ["cautious-diplomat"] });
  });

  it("says so in the HTML and Markdown reports and in the summary", () => {
    const html = renderHtml(a);
    expect(html).toContain("bot (hawk)");
    expect(html).toContain("bot (cautious diplomat)");
    expect(renderMarkdown(a)).toContain("bot (hawk)");
    // control, scripted by the runner, is the one person
    expect(html).toContain("1 named participant and 2 seats played by bots");
  });

  it("names each bot's policy in the report's language", () => {
    const fr = reportLanguage("fr");
    const inFrench = analyze(loaded.recording, loaded.integrity, fr);
    expect(renderHtml(inFrench, fr)).toContain("robot (faucon)");
    expect(renderMarkdown(inFrench, fr)).toContain("robot (diplomate prudent)");
    const ar = reportLanguage("ar");
    expect(renderHtml(analyze(loaded.recording, loaded.integrity, ar), ar)).toContain("روبوت (صقر)");
  });
});
