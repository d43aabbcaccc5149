// The last error handler of the whole HTTP app: a malformed URL or body is the
// caller's mistake (4xx, a short JSON answer); anything else is logged on one
// line and answered without the server's own words or stack.
import type { NextFunction, Request, Response } from "express";

export function lastErrors(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e.status ?? e.statusCode ?? 500;
  if (res.headersSent) {
    res.end();
    return;
  }
  if (err instanceof URIError || (status >= 400 && status < 500)) {
    const code = status >= 400 && status < 500 ? status : 400;
    res.status(code).json({
      error: {
        code: "bad-request",
        message: code === 404 ? "Not found" : "The request is malformed (check the address)",
      },
    });
    return;
  }
  console.error(`HTTP ${req.method} ${req.path.slice(0, 100)} failed: ${(e.message ?? String(err)).split("\n")[0]}`);
  res.status(500).json({
    error: { code: "internal", message: "Something went wrong on the server; the facilitator can check its log" },
  });
}
