// Safe controls in control's console: an escalation change is previewed from
// the ladder before it is sent, a typo is refused by the form, a fateful change
// asks in the application's own dialog (cancel, then confirm), the private note
// reaches no one but control, and a held inject is un-held from the MSEL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { failOnCspViolation, launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let ctl: Participant;
let bo: Participant;
let obs: Participant;

const NOTE = "SECRET-NOTE-4411 nudge them to the hotline";

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "safe-controls-seed");
  ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  obs = await Participant.join(srv.url, ex.roomId, ex.codes.observer, "Olga");
  await ctl.command({ type: "exercise.start" });
  // observers who see every channel still never read control's private note
  await ctl.command({ type: "observers.visibility", seeAll: true });
  await ctl.command({ type: "inject.hold", injectId: "parliament" });
});
afterAll(async () => {
  await Promise.all([ctl?.leave(), bo?.leave(), obs?.leave()]);
  await browser?.close();
  await srv?.close();
});

async function console(width: number, height: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  await failOnCspViolation(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(ex.codes.facilitator)}`);
  await page.getByLabel("Your name").fill("Control");
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator("#esc-delta").waitFor();
  return page;
}

const preview = (page: Page) => page.locator("#esc-preview").textContent();
const status = (page: Page) => page.locator("form[aria-label='Adjust escalation'] [role=status]").textContent();

describe("safe controls", () => {
  it("previews, refuses a typo, cancels and confirms an escalation change; un-holds an inject", async () => {
    const page = await console(1280, 720);
    const { ladder } = ctl.view;
    const from = ladder.value;
    // the first red line not crossed yet, and the failure rung, from the scenario's own ladder
    const line = ladder.redLines.find((l) => ladder.rungs.find((r) => r.id === l.rung)!.from > from)!;
    const lineAt = ladder.rungs.find((r) => r.id === line.rung)!;
    const failAt = ladder.rungs.at(-1)!.from;
    const to = lineAt.from + 1;

    // a typo is refused by the form, before anything is sent
    await page.getByLabel("Change").fill("820");
    await expect.poll(() => preview(page)).toBe("✕ A change is between −100 and +100 points; 820 is not (a typo?)");
    await page.getByLabel("Reason").fill("Typo check");
    await page.getByRole("button", { name: "Adjust escalation" }).click();
    await expect.poll(() => status(page)).toBe("✕ A change is between −100 and +100 points; 820 is not (a typo?)");

    // the preview: where the meter lands, the red line crossed, how far failure is
    await page.getByLabel("Change").fill(String(to - from));
    await page.getByLabel("Reason").fill("Parliament demands retaliation");
    await page.getByLabel("Private note").fill(NOTE);
    await expect
      .poll(() => preview(page))
      .toBe(
        `${from} → ${to} · ${lineAt.name}: crosses one red line (${line.name}), ${failAt - to} points from failure`,
      );
    await shot(page, "safe-controls-preview-1280");

    // crossing a red line asks in the application's dialog; Cancel sends nothing
    await page.getByRole("button", { name: "Adjust escalation" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain(`Raise escalation from ${from} to ${to}?`);
    expect(await dialog.textContent()).toContain("Players read: Parliament demands retaliation");
    await shot(page, "safe-controls-dialog-1280");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => status(page)).toBe("Not adjusted");
    expect(await dialog.count()).toBe(0);

    // asked again and confirmed (Enter confirms): the meter moves once, by exactly this change
    await page.getByRole("button", { name: "Adjust escalation" }).click();
    await dialog.getByRole("button", { name: `Adjust to ${to}` }).waitFor();
    await page.keyboard.press("Enter");
    await ctl.until(() => ctl.view.ladder.value === to, "the confirmed change");
    await bo.until(() => bo.view.ladder.value === to, "the team sees the meter");
    await obs.until(() => obs.view.ladder.value === to, "the observer sees the meter");
    expect(ctl.view.log.filter((e) => e.type === "escalation.changed" && e.cause.kind === "control")).toHaveLength(1);
    // the players read the reason; the note is control's alone
    expect(bo.transcript()).toContain("Parliament demands retaliation");
    expect(ctl.transcript()).toContain("SECRET-NOTE-4411");
    for (const p of [bo, obs]) expect(p.transcript()).not.toContain("SECRET-NOTE-4411");

    // the MSEL: filtered to held injects, one is un-held and goes back to pending
    await page.getByRole("tab", { name: /^MSEL/ }).click();
    await page.getByLabel("State").selectOption("held");
    const heldRow = page.locator("#msel-parliament");
    await expect.poll(() => heldRow.locator(".msel-status").textContent()).toBe("Held");
    expect(await page.locator(".msel-row").count()).toBe(1);
    await shot(page, "safe-controls-msel-held-1280");
    await heldRow.getByRole("button", { name: /^Un-hold/ }).click();
    await ctl.until(() => ctl.view.injects.find((i) => i.id === "parliament")?.status === "pending", "un-held");
    await expect.poll(() => page.locator(".msel-groups").textContent()).toBe("No inject matches these filters.");
    await page.getByLabel("State").selectOption("every");
    await expect.poll(() => heldRow.locator(".msel-status").textContent()).toBe("Pending");
    await shot(page, "safe-controls-msel-1280");
    await page.context().close();
  });

  it("looks right at 1920×1080", async () => {
    const page = await console(1920, 1080);
    await page.getByLabel("Change").fill("20");
    await page.getByLabel("Reason").fill("Markets crash");
    await expect.poll(() => preview(page)).toMatch(/^\d+ → \d+ · /);
    await shot(page, "safe-controls-preview-1920");
    await page.getByRole("button", { name: "Adjust escalation" }).click();
    await page.getByRole("dialog").waitFor();
    await shot(page, "safe-controls-dialog-1920");
    // Escape cancels
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    await page.getByRole("tab", { name: /^MSEL/ }).click();
    await page.locator("#msel-parliament").waitFor();
    await shot(page, "safe-controls-msel-1920");
    await page.context().close();
  });
});
