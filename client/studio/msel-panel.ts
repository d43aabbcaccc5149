// The studio's spreadsheet panel: download the events list (XLSX, CSV) and the actions (CSV), edit them
// in a spreadsheet, import the file back and see what it changes, row by row, before the draft does.
// Nothing is saved here: "Apply" replaces the draft, the designer saves a version.
import type { StudioPanel, StudioPanelContext } from "./panel.ts";
import { serverUrl } from "../net/api.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import type { MselImport, MselDiff, MselIssue, MselProblem } from "../../shared/studio/msel.ts";

/** The studio parses bodies up to 2 MB; the file travels as base64 (4 bytes for 3). */
const MAX_FILE_BYTES = 1_400_000;

async function post(ctx: StudioPanelContext, path: string, body: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl()}/api/studio/msel${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...ctx.headers() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new HttpError(0, "offline", "The Deconflict server cannot be reached");
  }
  if (res.ok) return res;
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; params?: Record<string, string | number> };
  } | null;
  const e = data?.error;
  throw new HttpError(res.status, e?.code ?? "error", e?.message ?? `The server answered ${res.status}`, e?.params);
}

/** The spreadsheet routes' own refusals are worded here; the others through the refusals catalogue. */
function errorText(err: unknown): string {
  if (!(err instanceof HttpError)) return httpRefusalText(err);
  const p = err.params ?? {};
  switch (err.code) {
    case "not-a-spreadsheet":
      return t("studio-msel.error.not-a-spreadsheet", { format: String(p.format ?? "").toUpperCase() });
    case "missing-sheet":
      return t("studio-msel.error.missing-sheet");
    case "missing-column":
      return p.sheet === "actions"
        ? t("studio-msel.error.missing-column-actions", { column: String(p.column) })
        : t("studio-msel.error.missing-column", { column: String(p.column) });
    case "too-many-rows":
      return t("studio-msel.error.too-many-rows", { rows: Number(p.rows), limit: Number(p.limit) });
    case "spreadsheet-too-large":
      return t("studio-msel.error.too-large");
    default:
      return httpRefusalText(err);
  }
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url });
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function base64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function problemItem(p: MselProblem | MselIssue): HTMLElement {
  // a row's problem in the designer's language; the validator's issues stay in its English
  const message = "key" in p ? (i18n().tryT(p.key, p.params) ?? p.message) : p.message;
  const params = { row: p.row ?? 0, column: p.column ?? "", message };
  const text =
    p.row === undefined
      ? t("studio-msel.issue-path", { path: "path" in p ? p.path : "", message: p.message })
      : p.sheet === "actions"
        ? t("studio-msel.where-actions", params)
        : t("studio-msel.where", params);
  return h("li", { "data-row": String(p.row ?? ""), "data-column": p.column ?? "" }, text);
}

function diffList(diff: MselDiff, heading: string, sheet: string): HTMLElement | null {
  const count = diff.added.length + diff.changed.length + diff.removed.length;
  if (!count) return null;
  const ids = (list: string[]) =>
    list.map((id) => h("code", { dir: "auto" }, id)).flatMap((c, i) => (i ? [", ", c] : [c]));
  const changed = diff.changed.map((c) =>
    h("li", { "data-changed": c.id }, t("studio-msel.changed-item", { id: c.id, fields: c.fields.join(", ") })),
  );
  return h(
    "div",
    { "data-diff": sheet },
    h("h4", {}, heading),
    diff.added.length
      ? h("p", { "data-added": "" }, t("studio-msel.added", { count: diff.added.length }), " ", ids(diff.added))
      : null,
    diff.changed.length
      ? [h("p", {}, t("studio-msel.changed", { count: diff.changed.length })), h("ul", {}, changed)]
      : null,
    diff.removed.length
      ? h("p", { "data-removed": "" }, t("studio-msel.removed", { count: diff.removed.length }), " ", ids(diff.removed))
      : null,
  );
}

export const mselPanel: StudioPanel = (ctx) => {
  const status = h("p", { role: "status" });
  const error = h("p", { role: "alert", class: "error-text" });
  const result = h("div", { "data-msel": "result" });

  const download = async (format: "csv" | "xlsx", sheet: "injects" | "actions") => {
    error.textContent = "";
    try {
      const res = await post(ctx, "/export", { scenario: ctx.draft(), format, sheet });
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `msel.${format}`;
      save(await res.blob(), name);
    } catch (err) {
      error.textContent = errorText(err);
    }
  };
  const button = (id: string, label: string, act: () => Promise<void>) =>
    h("button", { type: "button", "data-msel": id, onclick: () => void act() }, label);

  const file = h("input", { type: "file", id: "msel-file", "data-msel": "file" });
  file.accept = ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  const show = (reply: MselImport) => {
    const { diff, problems, issues, scenario } = reply;
    const total = [diff, diff.actions].reduce((n, d) => n + d.added.length + d.changed.length + d.removed.length, 0);
    const apply = h("button", { type: "button", class: "primary", "data-msel": "apply" }, t("studio-msel.apply"));
    apply.disabled = scenario === null || problems.length > 0 || total === 0;
    apply.addEventListener("click", () => {
      if (scenario === null) return;
      ctx.update(scenario);
      render(result);
      status.textContent = t("studio-msel.applied");
    });
    const discard = h("button", { type: "button", "data-msel": "discard" }, t("studio-msel.discard"));
    discard.addEventListener("click", () => {
      render(result);
      status.textContent = "";
    });
    render(
      result,
      total === 0 && !problems.length ? h("p", {}, t("studio-msel.no-change")) : null,
      diffList(diff, t("studio-msel.injects"), "injects"),
      diffList(diff.actions, t("studio-msel.actions"), "actions"),
      problems.length
        ? h(
            "div",
            { "data-msel": "problems" },
            h("p", { class: "error-text" }, h("strong", {}, t("studio-msel.problems", { count: problems.length }))),
            h("ul", {}, problems.map(problemItem)),
          )
        : null,
      issues.length
        ? h(
            "div",
            { "data-msel": "issues" },
            h("p", {}, h("strong", {}, t("studio-msel.issues", { count: issues.length }))),
            h("ul", {}, issues.map(problemItem)),
          )
        : null,
      h("div", { class: "row" }, apply, discard),
    );
  };

  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    file.value = "";
    if (!chosen) return;
    error.textContent = "";
    render(result);
    if (chosen.size > MAX_FILE_BYTES) {
      const size = i18n().number(MAX_FILE_BYTES / 1_000_000, { maximumFractionDigits: 1 });
      error.textContent = t("studio-msel.file-too-large", { name: chosen.name, size });
      return;
    }
    status.textContent = t("studio-msel.reading", { name: chosen.name });
    const format = /\.csv$/i.test(chosen.name) || chosen.type === "text/csv" ? "csv" : "xlsx";
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const res = await post(ctx, "/import", { scenario: ctx.draft(), format, file: base64(bytes) });
      status.textContent = "";
      show((await res.json()) as MselImport);
    } catch (err) {
      status.textContent = "";
      error.textContent = errorText(err);
    }
  });

  return h(
    "section",
    { class: "msel-panel", "data-panel": "msel" },
    h("h3", {}, t("studio-msel.title")),
    h("p", { class: "dim" }, t("studio-msel.intro")),
    h(
      "div",
      { class: "row" },
      button("export-xlsx", t("studio-msel.export-xlsx"), () => download("xlsx", "injects")),
      button("export-csv", t("studio-msel.export-csv"), () => download("csv", "injects")),
      button("export-actions", t("studio-msel.export-actions"), () => download("csv", "actions")),
    ),
    h("label", { for: "msel-file" }, t("studio-msel.import-label")),
    file,
    h("p", { class: "dim" }, t("studio-msel.import-hint")),
    status,
    error,
    result,
  );
};
