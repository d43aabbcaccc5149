// Media on injects in headless Chromium: a designer uploads an image in the studio's media panel (an HTML
// file named .png is refused with what it is), saves, and an exercise of the saved scenario shows the image
// on the team's inject card; the after-action report embeds it. Screenshots of the panel and the card.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { Participant, api, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import { png, sha256 } from "../server/attachments-fixture.ts";

let srv: TestServer;
let browser: Browser;
const injects = rawScenario("tutorial").injects as { id: string }[];
const TEAM_INJECT = "austral-intel";
const image = png(96, 0xc0);

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

/** Waits until the image has loaded and has pixels. */
async function loaded(page: Page, selector: string): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator(selector)
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBe(96);
}

describe("media on injects", () => {
  let saved: string;

  it("the designer uploads an image in the studio (an HTML file is refused by name) and saves", async () => {
    const designer = await person();
    await designer.goto(`${srv.url}/studio`);
    await designer.locator('[data-studio-scenario="tutorial"]').getByRole("button", { name: "Edit a copy" }).click();
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");
    const panel = designer.locator('[data-panel="attachments"]');
    await designer.locator(`[id="${await panel.getAttribute("aria-labelledby")}"]`).click();
    await panel.locator('[data-media="inject"]').selectOption(String(injects.findIndex((i) => i.id === TEAM_INJECT)));

    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    await panel
      .locator('[data-media="file"]')
      .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: html });
    await panel.locator('[data-media="upload"]').click();
    await expect
      .poll(() => panel.locator('[data-media="error"]').textContent())
      .toBe("Refused: this file is an HTML page. Attachments may be PNG, JPEG, GIF or WebP images, or PDF documents.");
    expect(await panel.locator('[data-media="row"]').count()).toBe(0);

    await panel
      .locator('[data-media="file"]')
      .setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: image });
    await panel.locator('[data-media="caption"]').fill("The harbour at night");
    await panel.locator('[data-media="upload"]').click();
    await panel.locator('[data-media="row"] img').waitFor();
    await loaded(designer, '[data-media="row"] img');
    expect(await panel.locator('[data-media="error"]').textContent()).toBe("");
    await shot(designer, "studio-media-panel-1280x720");

    await designer.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => designer.locator(".studio-message").textContent()).toContain("Saved as version 1");
    saved = new URL(designer.url()).pathname.split("/").pop()!;
    const opened = await api(srv.url, "GET", `/studio/scenarios/${saved}`);
    const inj = (opened.body.scenario.injects as { id: string; attachments?: unknown }[]).find(
      (i) => i.id === TEAM_INJECT,
    );
    expect(inj?.attachments).toEqual([{ kind: "file", id: sha256(image), caption: "The harbour at night" }]);
  });

  it("the team sees the image on its inject card, and the report embeds it", async () => {
    const created = await api(srv.url, "POST", "/exercises", { scenarioId: saved, seed: "media" });
    expect(created.status).toBe(201);
    const ex = created.body as Created;
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });

    const team = await person();
    await team.goto(`${srv.url}/join?code=${ex.codes.teams.austral}`);
    await team.getByLabel("Your name").fill("Ana");
    await team.getByRole("button", { name: "Enter the exercise" }).click();
    await team.locator(".topbar").waitFor();
    await team.getByRole("tab", { name: /^Injects/ }).click();
    const card = team.locator(`#inject-${TEAM_INJECT}`);
    await card.locator("img").waitFor();
    await loaded(team, `#inject-${TEAM_INJECT} img`);
    expect(await card.locator("img").getAttribute("src")).toMatch(/^blob:/);
    expect(await card.locator("figcaption").textContent()).toBe("The harbour at night");
    await card.scrollIntoViewIfNeeded();
    await shot(team, "inject-attachment-card-1280x720");

    const res = await fetch(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html`, {
      headers: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    const html = await res.text();
    expect(html).toContain(`data-attachment="${sha256(image)}"`);
    const report = await person();
    await report.setContent(html);
    await loaded(report, `figure[data-attachment="${sha256(image)}"] img`);
    await control.leave();

    // the replay, as the team saw it, fetched with the facilitator's code this browser holds
    const replay = await person();
    await replay.goto(srv.url);
    const seat = {
      roomId: ex.roomId,
      code: ex.codes.facilitator,
      name: "Control",
      title: "Media",
      role: "facilitator",
    };
    await replay.evaluate(
      (s) => localStorage.setItem("deconflict:seats", JSON.stringify([{ ...s, seatName: "Control", savedAt: 1 }])),
      seat,
    );
    const recording = await api(
      srv.url,
      "GET",
      `/exercises/${ex.exerciseId}/recording`,
      undefined,
      ex.codes.facilitator,
    );
    const last = (recording.body.commands as { seq: number }[]).at(-1)!.seq;
    await replay.goto(`${srv.url}/replay/${ex.roomId}?step=${last}&pov=team%3Aaustral`);
    await replay.locator(".replay[data-board=ready]").waitFor();
    await replay
      .locator(".replay-side")
      .getByRole("tab", { name: /^Injects/ })
      .click();
    await loaded(replay, `.replay-side #inject-${TEAM_INJECT} img`);
  });
});
