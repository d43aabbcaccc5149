// The studio is the organisers': on a server with CREATE_CODE, each request carries it.
import type { Request } from "express";
import { HttpError } from "../../shared/protocol/http.ts";
import { sameSecret } from "../guard/limits.ts";
import type { StudioDeps } from "./deps.ts";

/** Throws 401 without the code, 403 (and counts a wrong try for the address) with a wrong one. */
export function organiserCheck(deps: StudioDeps): (req: Request) => void {
  const { createCode, limits, address, now = Date.now } = deps;
  return (req) => {
    if (createCode === undefined) return;
    const header = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
    if (!header)
      throw new HttpError(401, "create-code-required", "This server asks for its organiser code to use the studio");
    const at = now();
    limits.checkCodeTries(address(req), at);
    if (!sameSecret(header[1]!.trim(), createCode)) {
      limits.wrongCode(address(req), at);
      throw new HttpError(403, "wrong-create-code", "That organiser code is not right");
    }
  };
}
