// On a server with CREATE_CODE, the studio's attachments ask for the organiser code like every studio route;
// a participant's copy never does (its own seat's code decides).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { png, sha256 } from "./attachments-fixture.ts";

const CODE = "organiser-code-1234";
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ CREATE_CODE: CODE });
});
afterAll(async () => {
  await srv?.close();
});

describe("the studio's attachments behind the organiser code", () => {
  const bytes = new Uint8Array(png(3, 0x55));
  const send = (code?: string) =>
    fetch(`${srv.url}/api/studio/attachments`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", ...(code ? { authorization: `Bearer ${code}` } : {}) },
      body: bytes,
    });

  it("refuses an upload without the code (401) or with a wrong one (403), accepts it with the code", async () => {
    expect((await send()).status).toBe(401);
    const wrong = await send("not-the-code-99");
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("wrong-create-code");
    expect((await send(CODE)).status).toBe(201);
  });

  it("previews only with the code", async () => {
    const url = `${srv.url}/api/studio/attachments/${sha256(bytes)}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${CODE}` } })).status).toBe(200);
  });
});
