// The studio's single-value fields: a label, the input, the schema's description and
// a slot for the validator's messages, all marked with the value's path in the draft.
import { h, type Child } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import type { Node, Shape } from "./schema-node.ts";

/** An input's id from its path ("injects.3.title" → "sf-injects-3-title"). */
export function inputId(path: string): string {
  return `sf-${path.replace(/[^a-zA-Z0-9-]/g, "-") || "root"}`;
}

/** Long texts get a text area. */
const LONG = new Set(["briefing", "body", "background", "summary", "description", "text"]);

export interface FieldSpec {
  path: string;
  key: string;
  label: string;
  node: Node;
  /** the schema's description in the designer's language */
  help?: string;
  optional: boolean;
  value: unknown;
  write(value: unknown): void;
  /** ids the field may name (teams, rungs, phases...), read when it gets focus */
  suggest(): string[];
}

/** The frame every field and group shares: label, content, description, error slot. */
export function frame(path: string, label: Child, content: Child, description?: string, cls = "sf-field"): HTMLElement {
  return h(
    "div",
    { class: cls, "data-path": path },
    label,
    content,
    description ? h("p", { class: "sf-desc", id: `${inputId(path)}-desc` }, description) : null,
    h("ul", { class: "sf-errors", role: "alert" }),
  );
}

function labelEl(spec: FieldSpec): HTMLElement {
  return h(
    "label",
    { for: inputId(spec.path) },
    spec.label,
    spec.optional ? h("span", { class: "sf-optional" }, ` ${t("studio.form.optional")}`) : null,
  );
}

function described(el: HTMLElement, spec: FieldSpec): void {
  el.id = inputId(spec.path);
  if (spec.help) el.setAttribute("aria-describedby", `${el.id}-desc`);
}

/** A text, choice, number or yes/no field. */
export function scalarField(spec: FieldSpec, shape: Shape): HTMLElement {
  const control = scalarControl(spec, shape);
  return frame(spec.path, labelEl(spec), control, spec.help);
}

function emptyValue(spec: FieldSpec, nullable: boolean): unknown {
  if (spec.optional) return undefined;
  return nullable ? null : "";
}

function scalarControl(spec: FieldSpec, shape: Shape, nullable = false): HTMLElement {
  const dflt = spec.node.default;
  switch (shape.kind) {
    case "select": {
      const sel = h("select", {});
      if (spec.optional || !shape.options.includes(String(spec.value ?? "")))
        sel.append(
          h("option", { value: "" }, dflt !== undefined ? t("studio.form.default", { value: String(dflt) }) : "—"),
        );
      for (const o of shape.options) sel.append(h("option", { value: o }, o));
      sel.value = typeof spec.value === "string" ? spec.value : "";
      sel.addEventListener("change", () => spec.write(sel.value === "" ? emptyValue(spec, nullable) : sel.value));
      described(sel, spec);
      return sel;
    }
    case "number": {
      const input = h("input", { type: "number" });
      if (shape.min !== undefined) input.min = String(shape.min);
      if (shape.max !== undefined) input.max = String(shape.max);
      // whole numbers step by one; chances (0-1) by 0.05, other decimals by 0.5
      input.step = shape.integer ? "1" : shape.max !== undefined && shape.max <= 1 ? "0.05" : "0.5";
      if (typeof spec.value === "number") input.value = String(spec.value);
      if (typeof dflt === "number") input.placeholder = String(dflt);
      input.addEventListener("input", () => {
        const n = input.valueAsNumber;
        spec.write(input.value === "" || Number.isNaN(n) ? undefined : n);
      });
      described(input, spec);
      return input;
    }
    case "boolean": {
      const box = h("input", { type: "checkbox" });
      box.checked = typeof spec.value === "boolean" ? spec.value : dflt === true;
      box.addEventListener("change", () => spec.write(box.checked));
      described(box, spec);
      return box;
    }
    case "nullable":
      return scalarControl(spec, { kind: "text", suggestions: [] }, true);
    default:
      return textControl(spec, shape.kind === "text" ? shape.suggestions : [], nullable);
  }
}

function textControl(spec: FieldSpec, fixed: string[], nullable: boolean): HTMLElement {
  const long = LONG.has(spec.key) || spec.path.startsWith("translations.");
  const value = typeof spec.value === "string" ? spec.value : "";
  if (spec.key === "color") {
    const input = h("input", { type: "color", value: value || "#808080" });
    input.addEventListener("input", () => spec.write(input.value));
    described(input, spec);
    return input;
  }
  const input = long ? h("textarea", { rows: 3 }) : h("input", { type: "text", autocomplete: "off" });
  input.value = value;
  input.dir = "auto";
  if (typeof spec.node.default === "string" && spec.node.default) input.placeholder = spec.node.default;
  if (nullable) input.placeholder = t("studio.form.none");
  input.addEventListener("input", () => spec.write(input.value === "" ? emptyValue(spec, nullable) : input.value));
  described(input, spec);
  if (input instanceof HTMLInputElement) {
    const list = h("datalist", { id: `${input.id}-list` });
    input.setAttribute("list", list.id);
    const fill = () => {
      const ids = [...new Set([...fixed, ...spec.suggest()])];
      list.replaceChildren(...ids.map((v) => h("option", { value: v })));
    };
    input.addEventListener("focus", fill);
    fill();
    return h("span", { class: "sf-text" }, input, list);
  }
  return input;
}
