// The after-action report's injects table shows attachments: from the server, images embedded as data: URIs
// (the report's own policy allows nothing else) and links listed; from a recording alone, images listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { renderReport } from "../../shared/report/index.ts";
import { mediaScenarios, sha256 } from "./attachments-fixture.ts";

let srv: TestServer;
let media: ReturnType<typeof mediaScenarios>;
beforeAll(async () => {
  media = mediaScenarios();
  srv = await startTestServer({ SCENARIOS_DIR: media.dir });
});
afterAll(async () => {
  await srv?.close();
});

describe("attachments in the report", () => {
  it("embeds the released injects' images, lists links, and lists images when the report has no files", async () => {
    const ex = await createExercise(srv.url, "tutorial-media", "report-media");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.until(() => control.view.injects.some((i) => i.id === "austral-intel" && i.status === "released"));
    await control.leave();

    const res = await fetch(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html`, {
      headers: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const dataUri = `data:image/png;base64,${media.teamImage.toString("base64")}`;
    expect(html).toContain(`<img width="320" src="${dataUri}" alt="Satellite photo">`);
    expect(html).toContain(`<figcaption class="small">Satellite photo</figcaption>`);
    expect(html).toContain(`<a href="https://example.org/intel" rel="noopener noreferrer">Source</a>`);
    // the report's policy: images from data: only, which is what it embeds
    expect(res.headers.get("content-security-policy")).toContain("img-src data:");

    const recording = await api(
      srv.url,
      "GET",
      `/exercises/${ex.exerciseId}/recording`,
      undefined,
      ex.codes.facilitator,
    );
    const alone = renderReport(recording.body, "html");
    if (!alone.ok) throw new Error(alone.error);
    expect(alone.body).not.toContain("data:image/png;base64");
    expect(alone.body).toContain(
      `<span class="small" data-attachment="${sha256(media.teamImage)}">Attached file: Satellite photo (not embedded in this report)</span>`,
    );
  });
});
