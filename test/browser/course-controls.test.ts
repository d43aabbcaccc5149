// Course-wide controls on the course dashboard: "Pause all" asks in the
// application's own dialog (cancel sends nothing), then pauses every cell, whose
// participants see it; a cell that already ended is listed with its refusal.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { failOnCspViolation, launch, shot } from "../helpers/browser.ts";
import { api, Participant, startTestServer, type TestServer } from "../helpers/server.ts";

interface Cell {
  exerciseId: string;
  roomId: string;
  title: string;
  codes: { facilitator: string; teams: Record<string, string> };
}

let srv: TestServer;
let browser: Browser;
const people: Participant[] = [];

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await Promise.all(people.map((p) => p.leave()));
  await browser?.close();
  await srv?.close();
});

describe("course-wide controls", () => {
  it("pauses every cell from the dashboard, after the app's own confirmation, and lists a refusing cell", async () => {
    const created = await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 3, title: "Course" });
    const { groupId, code } = created.body as { groupId: string; code: string };
    const cells = created.body.cells as Cell[];
    const players = await Promise.all(
      cells.map((c, i) => Participant.join(srv.url, c.roomId, Object.values(c.codes.teams)[0]!, `Player ${i}`)),
    );
    const controlC = await Participant.join(srv.url, cells[2]!.roomId, cells[2]!.codes.facilitator, "Cleo");
    people.push(...players, controlC);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await failOnCspViolation(ctx);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => {
      throw new Error(`page error: ${e.message}`);
    });
    page.on("dialog", (d) => {
      throw new Error(`the browser's own dialog was used: ${d.message()}`);
    });
    await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
    await page.getByLabel("Your name").fill("Course lead");
    await page.getByRole("button", { name: "Enter the exercise" }).click();
    await page.waitForURL(`**/course/${groupId}`);

    await page.getByRole("button", { name: "Start all" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Start all" }).click();
    await Promise.all(players.map((p) => p.until(() => p.view.exercise.status === "running", "every cell running")));
    await controlC.command({ type: "exercise.end", reason: "cell C is done" });

    // cancel sends nothing
    await page.getByRole("button", { name: "Pause all" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

    await page.getByLabel("Reason players read when paused (optional)").fill("Plenary in the main hall");
    await page.getByRole("button", { name: "Pause all" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Pause all" }).click();
    const results = page.locator("[data-course-results]");
    await expect.poll(() => results.textContent()).toContain("2 of 3 cells did it.");
    expect(await results.locator(`[data-cell="${cells[2]!.exerciseId}"]`).textContent()).toMatch(/✕ .*cell C: .+/);
    await Promise.all(
      players.slice(0, 2).map((p) => p.until(() => p.view.exercise.status === "paused", "cells A and B paused")),
    );
    expect(players[2]!.view.exercise.status).toBe("ended");
    // the dashboard's table shows it at once
    await expect.poll(() => page.locator("tbody .badge.warn").count()).toBe(2);
    await shot(page, "35-course-controls");
    // an ad-hoc inject for every cell, confirmed in the app's dialog, reaches the players of cells A and B
    await page.getByText("Ad-hoc inject in every cell").click();
    await page.getByLabel("Title").fill("Course bulletin");
    await page.getByLabel("Text").fill("COURSE-BULLETIN-TEXT all cells hear this");
    await page.getByRole("button", { name: "Release in every cell" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Release in every cell" }).click();
    await Promise.all(
      players
        .slice(0, 2)
        .map((p) => p.until(() => p.view.injects.some((i) => i.body.startsWith("COURSE-BULLETIN-TEXT")), "the inject")),
    );
    // each cell recorded the commands once, as the course's control: the cancelled pause sent nothing
    const rec = await api(srv.url, "GET", `/exercises/${cells[0]!.exerciseId}/recording`, undefined, code);
    const byCourse = (rec.body.commands as { actor: { name: string }; command: { type: string; reason?: string } }[])
      .filter((c) => c.actor.name === "Course control")
      .map((c) => c.command);
    expect(byCourse).toEqual([
      { type: "exercise.start" },
      { type: "exercise.pause", reason: "Plenary in the main hall" },
      {
        type: "inject.create",
        title: "Course bulletin",
        body: "COURSE-BULLETIN-TEXT all cells hear this",
        channel: "news",
        audience: ["all"],
      },
    ]);
    await ctx.close();
  });
});
