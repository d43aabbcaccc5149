// On a server with an organiser code, a scenario saved in the studio is the organisers' own: the lobby lists it
// once the code is typed, and the facilitator's codes page names it (the page asks with the code it was given).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch } from "../helpers/browser.ts";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";

const CODE = "organiser-secret-9";
let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir"), CREATE_CODE: CODE });
  browser = await launch();
  const scenario = { ...rawScenario("tutorial"), id: "quiet-harbour", title: "Operation Quiet Harbour" };
  const saved = await api(srv.url, "POST", "/studio/scenarios/quiet-harbour/versions", { scenario }, CODE);
  expect(saved.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe("the organisers' saved scenarios in the lobby", () => {
  it("are hidden until the organiser code is typed, then listed, and the codes page names the one chosen", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p = await ctx.newPage();
    await p.goto(srv.url);
    await p.locator("[data-scenario=tutorial]").waitFor();
    expect(await p.locator("[data-scenario=quiet-harbour]").count()).toBe(0);
    expect(await p.locator("main").textContent()).not.toContain("Quiet Harbour");
    await p.locator("#ex-organiser").fill(CODE);
    await p.locator("#ex-organiser").dispatchEvent("change");
    await p.locator("[data-scenario=quiet-harbour]").click();
    await p.getByRole("button", { name: "Create exercise" }).click();
    await p.locator(".code-table").waitFor();
    // the facts line names the scenario by its title (found in the list the page asked for with the code)
    await expect.poll(() => p.locator("main > p.dim").first().textContent()).toContain("Operation Quiet Harbour");
    await ctx.close();
  });
});
