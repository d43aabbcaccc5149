// Files and a scenarios folder for the attachments' tests: a real PNG made here, and the tutorial with
// one attachment on a team's inject and one on control's own note, its media in scenarios/media.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG of `size`×`size` pixels in one colour (the shade makes each call's bytes differ). */
export function png(size = 4, shade = 0x40): Buffer {
  const head = Buffer.alloc(13);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(size, 4);
  head.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, shade)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", head), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export const TEAM = "austral";
export const OTHER_TEAM = "borealis";

/** A scenarios folder: the tutorial as "tutorial-media" (austral's intel carries `teamImage`, control's note
 * carries `controlImage`) and a scenario naming a file nobody stored, which the server must refuse. */
export function mediaScenarios(): { dir: string; teamImage: Buffer; controlImage: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-media-"));
  mkdirSync(join(dir, "media"));
  const teamImage = png(6, 0x11);
  const controlImage = png(6, 0x99);
  writeFileSync(join(dir, "media", "intel.png"), teamImage);
  writeFileSync(join(dir, "media", "control.png"), controlImage);
  const source = new URL("../../scenarios/tutorial.json", import.meta.url);
  const base = JSON.parse(readFileSync(source, "utf8")) as {
    id: string;
    injects: { id: string; attachments?: unknown }[];
  };
  const withMedia = structuredClone(base);
  withMedia.id = "tutorial-media";
  withMedia.injects.find((i) => i.id === "austral-intel")!.attachments = [
    { kind: "file", id: sha256(teamImage), caption: "Satellite photo" },
    { kind: "link", url: "https://example.org/intel", title: "Source" },
  ];
  withMedia.injects.find((i) => i.id === "control-note")!.attachments = [{ kind: "file", id: sha256(controlImage) }];
  writeFileSync(join(dir, "tutorial-media.json"), JSON.stringify(withMedia));
  const missing = structuredClone(base);
  missing.id = "tutorial-missing-media";
  missing.injects[0]!.attachments = [{ kind: "file", id: "0".repeat(64) }];
  writeFileSync(join(dir, "tutorial-missing-media.json"), JSON.stringify(missing));
  copyFileSync(source, join(dir, "tutorial.json"));
  return { dir, teamImage, controlImage };
}
