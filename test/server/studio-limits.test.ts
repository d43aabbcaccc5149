// What keeps a server open to all (no organiser code) from being filled or worn down through the studio:
// each address paces its saves, uploads and imports, and the attachment store has a ceiling.
import { describe, expect, it } from "vitest";
import { api, startTestServer } from "../helpers/server.ts";
import { png } from "./attachments-fixture.ts";
import { STUDIO_WRITES_PER_MINUTE } from "../../server/studio/router.ts";
import { ATTACHMENTS_MAX_FILES, AttachmentStore } from "../../server/studio/attachments-store.ts";

describe("the studio's limits", () => {
  it("paces one address's writes: past the burst, a clear 429 that says when to try again", async () => {
    const server = await startTestServer();
    try {
      const burst = STUDIO_WRITES_PER_MINUTE * 2;
      const answers = await Promise.all(
        Array.from({ length: burst + 5 }, () => api(server.url, "POST", "/studio/import", { text: '{"id": "x"}' })),
      );
      const refused = answers.filter((a) => a.status === 429);
      expect(answers.filter((a) => a.status === 200).length).toBe(burst);
      expect(refused.length).toBe(5);
      expect(refused[0]!.body.error.code).toBe("too-many-studio-writes");
      expect(refused[0]!.body.error.message).toMatch(/at most 60 a minute\. Try again in \d+ s/);
      // reading stays open: the library list is not a write
      expect((await api(server.url, "GET", "/studio/scenarios")).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("keeps at most its ceiling of files, and refuses the next with 507; a file it has is still accepted", () => {
    const store = new AttachmentStore(":memory:");
    const files = Array.from({ length: ATTACHMENTS_MAX_FILES }, (_, i) => png(1 + (i % 20), Math.floor(i / 20)));
    expect(new Set(files.map((f) => f.toString("hex"))).size).toBe(ATTACHMENTS_MAX_FILES);
    for (const f of files) store.put(f, "x.png");
    expect(() => store.put(png(21, 1), "one more.png")).toThrow(/at most 5000 attachments/);
    expect(store.put(files[0]!, "again.png").id).toMatch(/^[0-9a-f]{64}$/);
  });
});
