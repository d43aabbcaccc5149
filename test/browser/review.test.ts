// Control reviews an adjudication in the browser: turns review on in the
// console, a team orders, control sees the proposed outcome (the results with
// their rolls and the numbers), strikes an item and sets a value, each with a
// reason, and approves; the team, which saw only that it was under review,
// then sees the amended result. Screenshots of the review panel go to test-results/screenshots/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { failOnCspViolation, launch } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let ctl: Participant;
let bo: Participant;

// to look at after a run; the copies in docs/screenshots/ are refreshed by hand (npm run screenshots makes the others)
const DOCS = join(process.cwd(), "test-results", "screenshots");

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "review-browser-seed");
  ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
});
afterAll(async () => {
  await Promise.all([ctl?.leave(), bo?.leave()]);
  await browser?.close();
  await srv?.close();
});

async function open(code: string, name: string, ready: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await failOnCspViolation(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator(ready).first().waitFor();
  return page;
}

async function docShot(page: Page, name: string): Promise<string> {
  mkdirSync(DOCS, { recursive: true });
  const path = join(DOCS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();

describe("control reviews an adjudication", () => {
  it("turns review on, sees the proposed outcome, amends it with reasons; the team sees the amended result", async () => {
    const page = await open(ex.codes.facilitator, "Control", "#review-mode");
    const card = page.locator("article[aria-label='Adjudication review']");
    await page.locator("#review-mode").check();
    await ctl.until(() => ctl.view.me?.kind === "control" && ctl.view.me.adjudication === "review", "review on");

    await ctl.command({ type: "exercise.start" });
    while (ctl.view.exercise.phase?.kind !== "decision") await ctl.command({ type: "phase.advance" });
    await bo.command({
      type: "orders.submit",
      actions: [{ actionId: "harden" }, { actionId: "demarche", target: "austral" }],
    });
    await ctl.command({ type: "phase.advance" });
    const team = await open(ex.codes.teams.borealis!, "Bo", "[role=tab]");

    // control: the proposed results and numbers; the flow says why it cannot move on
    const results = card.getByLabel("Proposed results");
    const name = (id: string) => ctl.view.actionNames[id]!;
    await expect.poll(() => results.textContent()).toContain(`Borealis: ${name("harden")}`);
    expect(await results.textContent()).toContain(`Borealis: ${name("demarche")} → Austral`);
    expect(await card.getByLabel("Proposed numbers").textContent()).toMatch(/^Escalation \d+ → \d+/);
    expect(await page.locator("article[aria-label='Exercise flow']").textContent()).toContain(
      "Adjudication under review: approve it below to move on",
    );

    // the team sees only that it is under review
    await tab(team, "Log");
    await expect.poll(() => team.locator("body").textContent()).toContain("Adjudication is under review by control");
    expect(bo.transcript()).not.toContain("action.resolved");

    await card.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const shots = [await docShot(page, "review-proposed-1280")];

    // amend: strike the first item, set trust after it, each with a reason
    await page.locator("#strike-borealis-1").check();
    await page.locator("#strike-borealis-1-reason").fill("Not this turn: the drill would alarm Austral");
    await page.locator("#review-add-set").click();
    await page.locator("#review-set-0-what").selectOption("trust");
    await page.locator("#review-set-0-value").fill("70");
    await page.locator("#review-set-0-reason").fill("Back-channel talks succeeded");
    await page.locator("#review-approve").scrollIntoViewIfNeeded();
    shots.push(await docShot(page, "review-amend-1280"));
    await page.locator("#review-approve").click();
    await ctl.until(() => ctl.view.exercise.underReview === undefined && ctl.view.history.length === 1, "approved");
    expect(ctl.view.trust.find((t) => [t.a, t.b].sort().join("|") === "austral|borealis")?.value).toBe(70);
    expect(ctl.view.history[0]!.orders.find((o) => o.teamId === "borealis")!.items.map((i) => i.actionId)).toEqual([
      "demarche",
    ]);

    // the team sees the amended result, and why
    const teamLog = () => team.locator("body").textContent();
    await expect
      .poll(teamLog)
      .toContain(
        `Control struck Borealis's order “${name("harden")}” before the turn was resolved: ` +
          "Not this turn: the drill would alarm Austral",
      );
    await expect
      .poll(teamLog)
      .toMatch(/Control set trust between Borealis and Austral to 70 \(was [\d.]+\): Back-channel talks succeeded/);
    shots.push(await docShot(team, "review-team-result-1280"));
    expect(shots).toHaveLength(3);
    await page.context().close();
    await team.context().close();
  });

  it("releases an ad-hoc inject that acts: it moves escalation and leaves an incident", async () => {
    const page = await open(ex.codes.facilitator, "Control", "#adhoc-title");
    await page.locator("#adhoc-title").fill("Hospital ransomware");
    await page.locator("#adhoc-body").fill("Austral's hospitals report encrypted records");
    await page.getByText("What it does (optional)").click();
    await page.locator("#adhoc-escalation").fill("4");
    await page.locator("#adhoc-team").selectOption("austral");
    await page.locator("#adhoc-incident").check();
    await page.locator("#adhoc-culprit").selectOption("borealis");
    await page.locator("#adhoc-confidence").fill("35");
    await page.getByRole("button", { name: "Release inject" }).click();
    await ctl.until(() => ctl.view.incidents.some((i) => i.title === "Hospital ransomware"), "the incident");
    const inc = ctl.view.incidents.find((i) => i.title === "Hospital ransomware")!;
    expect(inc).toMatchObject({
      victim: "austral",
      culprit: "borealis",
      evidence: { suspect: null, confidence: 0.35 },
    });
    const inj = ctl.view.injects.find((i) => i.title === "Hospital ransomware")!;
    const moved = ctl.view.log.find(
      (e) => e.type === "escalation.changed" && e.cause.kind === "inject" && e.cause.inject === inj.id,
    );
    expect(moved && moved.type === "escalation.changed" && moved.to - moved.from).toBe(4);
    // the culprit knows its deed; the victim's evidence names no one
    await bo.until(() => bo.view.incidents.some((i) => i.id === inc.id), "the culprit's incident");
    await page.context().close();
  });
});
