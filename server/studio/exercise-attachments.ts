// A participant's copy of an attachment their own view shows, mounted at /api (exercises/:id/attachments/:attachment).
// The seat's code is the bearer; the one visibility rule (the engine's view) decides. A wrong code, an unknown
// exercise and an attachment outside the seat's view all get the same 404, so nothing is revealed.
import express, { type Request, type Router } from "express";
import { HttpError } from "../../shared/protocol/http.ts";
import { view, type GameState } from "../../shared/engine/index.ts";
import { viewerOf, type Seat } from "../../shared/protocol/identity.ts";
import type { StudioDeps } from "./deps.ts";
import { attachmentStore } from "./attachments-store.ts";
import { sendAttachment } from "./attachments-serve.ts";
import { studioErrors } from "./errors.ts";

const NOT_HERE = () =>
  new HttpError(
    404,
    "not-found",
    "There is no such attachment in what this code shows (check the code and the address)",
  );

/** Whether an inject the seat's view holds carries the file. */
export function seatSees(state: GameState, seat: Seat, attachmentId: string): boolean {
  return view(state, viewerOf(seat)).injects.some((i) =>
    (i.attachments ?? []).some((a) => a.kind === "file" && a.id === attachmentId),
  );
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
  return match ? match[1]!.trim() : null;
}

export function exerciseAttachments(deps: StudioDeps): Router {
  const { hub, limits, address, now = Date.now } = deps;
  const router = express.Router();
  router.get("/exercises/:exerciseId/attachments/:id", (req, res) => {
    const at = now();
    limits.checkCodeTries(address(req), at);
    const code = bearer(req);
    const hit = code === null ? null : hub.lookup(code);
    if (!hit || hit.exerciseId !== String(req.params.exerciseId)) {
      // counted like every wrong code, so the exercise ids and codes cannot be guessed here either
      if (code !== null) limits.wrongCode(address(req), at);
      throw NOT_HERE();
    }
    const ex = hub.get(hit.exerciseId);
    const id = String(req.params.id);
    if (!ex || !seatSees(ex.state, hit.seat, id)) throw NOT_HERE();
    const found = attachmentStore(deps.dataDir).get(id);
    if (!found) throw NOT_HERE();
    sendAttachment(res, found);
  });
  router.use(studioErrors);
  return router;
}
