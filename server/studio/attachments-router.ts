// Injects' attachments in the studio: upload and preview, mounted at /api/studio/attachments (raw bodies).
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { HttpError } from "../../shared/protocol/http.ts";
import type { StudioDeps } from "./deps.ts";
import { attachmentStore, readableSize, type AttachmentStore } from "./attachments-store.ts";
import { sendAttachment } from "./attachments-serve.ts";

/** The studio keeps files in this process's SQLite: several processes sharing PostgreSQL would not see each other's. */
function unavailable(deps: StudioDeps): void {
  if (deps.hub.store.shared)
    throw new HttpError(
      501,
      "studio-unavailable",
      "The studio needs the single-process server (SQLite storage); this one shares PostgreSQL between processes",
    );
}

/** X-Attachment-Name, percent-encoded by browsers for names beyond ASCII. */
function nameOf(req: Request): string | undefined {
  const raw = req.get("x-attachment-name");
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function attachmentsRouter(deps: StudioDeps): Router {
  const router = express.Router();
  const store = (): AttachmentStore => attachmentStore(deps.dataDir);
  router.use((_req, _res, next) => {
    unavailable(deps);
    next();
  });

  // every Content-Type is read as bytes: the type is decided by the content alone
  const raw = (req: Request, res: Response, next: NextFunction) =>
    express.raw({ type: () => true, limit: store().maxBytes })(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === "entity.too.large") {
        const limit = store().maxBytes;
        next(
          new HttpError(
            413,
            "attachment-too-large",
            `The file is too large: an attachment may be at most ${readableSize(limit)}`,
            {
              limit,
            },
          ),
        );
        return;
      }
      next(err);
    });

  router.post("/", raw, (req, res) => {
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(0);
    const info = store().put(bytes, nameOf(req), (deps.now ?? Date.now)());
    res.status(201).json(info);
  });

  router.get("/:id", (req, res) => {
    const found = store().get(String(req.params.id));
    if (!found) throw new HttpError(404, "not-found", "No stored attachment has that id");
    sendAttachment(res, found);
  });
  return router;
}
