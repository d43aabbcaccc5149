// How the studio's routes answer a failure: the API's JSON error shape.
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "../../shared/protocol/http.ts";

/** HttpError as { error: { code, message, params } }; body parser failures named; the rest logged and hidden. */
export function studioErrors(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, params: err.params } });
    return;
  }
  const e = err as { type?: string; status?: number };
  if (e.type === "entity.parse.failed") {
    res.status(400).json({ error: { code: "bad-json", message: "The request body is not valid JSON" } });
    return;
  }
  if (e.type === "entity.too.large") {
    res.status(413).json({ error: { code: "too-large", message: "The request body is too large for the studio" } });
    return;
  }
  if (e.status !== undefined && e.status >= 400 && e.status < 500) {
    res.status(400).json({ error: { code: "bad-request", message: "The request is malformed" } });
    return;
  }
  console.error(`Studio error: ${(err as Error)?.stack ?? String(err)}`);
  res.status(500).json({
    error: { code: "internal", message: "Something went wrong on the server; the facilitator can check its log" },
  });
}
