// After the exercise, in the browser: the report from the console, looked at
// in Chromium; a course of parallel cells created in the lobby, followed on
// its dashboard and compared.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { Participant, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function page(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}`);
  });
  return p;
}

/** Plays a little of a tutorial exercise: a hotline exchange with markup, orders, one adjudication. */
async function playSome(roomId: string, codes: { facilitator: string; teams: Record<string, string> }) {
  const control = await Participant.join(srv.url, roomId, codes.facilitator, "Carla");
  const bo = await Participant.join(srv.url, roomId, codes.teams.borealis!, "Bo");
  const al = await Participant.join(srv.url, roomId, codes.teams.austral!, "Al");
  await control.command({ type: "exercise.start" });
  await control.command({ type: "phase.advance" });
  await bo.command({
    type: "hotline.send",
    to: "austral",
    kind: "confirm",
    text: "Was it you? <script>window.__xss=1</script>",
  });
  await al.command({ type: "hotline.send", to: "borealis", kind: "assess", text: "No." });
  await control.command({ type: "phase.advance" });
  await bo.command({
    type: "orders.submit",
    actions: [{ actionId: "attribute", target: "austral", incidentId: bo.view.incidents[0]!.id }],
  });
  await control.command({ type: "phase.advance" });
  for (const p of [control, bo, al]) await p.leave();
}

describe("after the exercise", () => {
  it("control downloads the after-action report from the console; it reads well and shows text as text", async () => {
    const p = await page();
    await p.goto(srv.url);
    await p.locator("[data-scenario=tutorial]").click();
    await p.getByRole("button", { name: "Create exercise" }).click();
    await p.locator(".code-table").waitFor();
    const roomId = p.url().split("/exercise/")[1]!.split("/")[0]!;
    const seats = await p.evaluate(
      () => JSON.parse(localStorage.getItem("deconflict:seats") ?? "[]") as { roomId: string; code: string }[],
    );
    const control = seats.find((s) => s.roomId === roomId)!;
    const teamCodes = await p.locator("tr[data-seat] .code").allTextContents();
    await playSome(roomId, { facilitator: control.code, teams: { borealis: teamCodes[0]!, austral: teamCodes[1]! } });

    await p.getByRole("link", { name: /Open the control console/ }).click();
    await p.locator("[aria-label='After the exercise']").waitFor();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Report (HTML)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/after-action-report\.html$/);
    const path = await download.path();
    const html = (await import("node:fs")).readFileSync(path, "utf8");

    const report = await page();
    await report.setContent(html);
    await expect.poll(() => report.locator("h1").first().textContent()).toContain("First Light");
    expect(await report.locator("svg").count()).toBeGreaterThan(0);
    const text = (await report.locator("body").textContent()) ?? "";
    expect(text).toContain("Was it you? <script>window.__xss=1</script>");
    expect(text).toMatch(/misattribution/i);
    expect(text).toContain("Sealed by this server");
    expect(await report.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot(report, "30-report-top");
    await report.locator("h2", { hasText: "Hotline transcript" }).scrollIntoViewIfNeeded();
    await shot(report, "31-report-hotline");
  });

  it("a course of parallel cells is created in the lobby, followed on its dashboard and compared", async () => {
    const p = await page();
    await p.goto(srv.url);
    await p.locator("[data-scenario=tutorial]").click();
    await p.getByLabel("Title (optional)").fill("Course B");
    await p.getByLabel("Cells", { exact: true }).fill("2");
    await p.getByRole("button", { name: "Create 2 cells" }).click();
    await p.locator("[data-cell]").first().waitFor();
    expect(await p.locator("section[data-cell]").count()).toBe(2);
    await shot(p, "32-course-codes");
    const groupId = p.url().split("/course/")[1]!.split("/")[0]!;

    await p.getByRole("link", { name: /Open the course dashboard/ }).click();
    await expect.poll(() => p.locator("tr[data-cell]").count()).toBe(2);
    // play the first cell a little; the dashboard follows
    const seats = await p.evaluate(
      () =>
        JSON.parse(localStorage.getItem("deconflict:seats") ?? "[]") as {
          roomId: string;
          code: string;
          title: string;
        }[],
    );
    const cellA = seats.find((s) => s.title === "Course B — cell A")!;
    const res = await fetch(`${srv.url}/api/exercises/${cellA.roomId}`, {
      headers: { authorization: `Bearer ${cellA.code}` },
    });
    const ex = (await res.json()) as { codes: { facilitator: string; teams: Record<string, string> } };
    await playSome(cellA.roomId, ex.codes);
    await expect.poll(() => p.locator("tr[data-cell]").first().textContent(), { timeout: 10_000 }).toContain("live");
    await shot(p, "33-course-dashboard");
    // control ends cell A with a reason: the dashboard words the ending the server sent as data
    const control = await Participant.join(srv.url, cellA.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.end", reason: "the hour is up" });
    await control.leave();
    await expect
      .poll(() => p.locator("tr[data-cell]").first().textContent(), { timeout: 10_000 })
      .toContain("Ended by control: the hour is up");

    await p.getByRole("link", { name: /Compare the cells/ }).click();
    await p.getByRole("img", { name: "Escalation of 2 cells by turn" }).waitFor();
    // cell A has a curve; cell B has not started, and the legend says so
    expect(await p.locator("section[aria-label='Escalation curves'] path[data-cell]").count()).toBe(1);
    expect(await p.locator("section[aria-label='Escalation curves']").textContent()).toContain("cell B — not started");
    const table = (await p.locator("section[aria-label='Outcomes and metrics']").textContent()) ?? "";
    expect(table).toContain("Course B — cell A");
    expect(table).toContain("Misattributions");
    expect(table).toContain("Ended by control: the hour is up");
    await shot(p, "34-course-compare");
    expect(p.url()).toContain(`/course/${groupId}/compare`);
  });
});
