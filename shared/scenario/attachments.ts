// An inject's attachments in the scenario file: a stored file (image or PDF, by its content hash) or a web link.
import { z } from "zod";
import type { Scenario } from "./schema.ts";
import { formatPath, type ScenarioIssue } from "./cross-check.ts";

/** At most this many attachments on one inject: a card stays readable. */
export const MAX_ATTACHMENTS_PER_INJECT = 6;

/** An attachment's id: the SHA-256 of its bytes, 64 lowercase hexadecimal digits. */
export const attachmentId = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "an attachment id: the 64 hexadecimal digits the studio's upload gave")
  .describe("the id the studio's upload gave: the SHA-256 of the file's bytes");

const httpsUrl = z
  .string()
  .max(2000, "a link of at most 2000 characters")
  .refine(isHttpsUrl, { message: 'a full https link, e.g. "https://example.org/statement"' })
  .describe("the address the link opens (https only)");

export const fileAttachment = z.strictObject({
  kind: z.literal("file").describe("a stored image (PNG, JPEG, GIF, WebP) or PDF document"),
  id: attachmentId,
  caption: z.string().min(1).max(300).optional().describe("a line shown under the image or beside the document"),
});

export const linkAttachment = z.strictObject({
  kind: z.literal("link").describe("a web page the participants may open"),
  url: httpsUrl,
  title: z.string().min(1, "a non-empty title").max(200).describe("the link's words on the inject card"),
});

export const injectAttachment = z.discriminatedUnion("kind", [fileAttachment, linkAttachment]);
export type InjectAttachment = z.infer<typeof injectAttachment>;

export const injectAttachments = z
  .array(injectAttachment)
  .max(MAX_ATTACHMENTS_PER_INJECT, `at most ${MAX_ATTACHMENTS_PER_INJECT} attachments on one inject`)
  .optional()
  .describe("images, PDF documents and links shown on the inject's card, in the replay and in the report");

function isHttpsUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "https:" && u.hostname.length > 0 && u.username === "" && u.password === "";
  } catch {
    return false;
  }
}

/** The ids of every file a scenario's injects carry. */
export function attachmentIds(s: Pick<Scenario, "injects">): string[] {
  const ids = s.injects.flatMap((i) => (i.attachments ?? []).flatMap((a) => (a.kind === "file" ? [a.id] : [])));
  return [...new Set(ids)];
}

/** Every file attachment the store does not hold, named by its path (the catalogue and the studio's save report them). */
export function unknownAttachments(s: Pick<Scenario, "injects">, known: (id: string) => boolean): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  s.injects.forEach((inj, i) =>
    (inj.attachments ?? []).forEach((a, j) => {
      if (a.kind === "file" && !known(a.id))
        issues.push({
          path: formatPath(["injects", i, "attachments", j, "id"]),
          message: `no stored attachment has the id "${a.id.slice(0, 12)}…": upload the file in the studio first`,
        });
    }),
  );
  return issues;
}
