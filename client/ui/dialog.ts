// The application's own confirmation dialog, used instead of the browser's
// confirm(): it looks like the rest of the console, says exactly what will
// happen, and is accessible (a labelled modal dialog, focus kept inside,
// Escape cancels, Enter confirms).
import { h, type Child } from "./dom.ts";
import "./dialog.css";
import { t } from "../i18n/index.ts";

export interface ConfirmOptions {
  /** the question, e.g. "Raise escalation to 82?" */
  title: string;
  /** what will happen, in a few lines */
  body?: Child;
  /** the confirming button's words, e.g. "Adjust to 82" */
  confirm: string;
  cancel?: string;
  /** an action that cannot be taken back: the button is drawn as dangerous */
  danger?: boolean;
}

let open: Promise<boolean> | null = null;
let serial = 0;

/** Asks the user to confirm in a modal dialog; resolves true when confirmed, false when cancelled. */
export function confirmDialog(o: ConfirmOptions): Promise<boolean> {
  // one question at a time: a second ask while one is open waits for nothing and is refused
  if (open) return Promise.resolve(false);
  const id = `dialog-${++serial}`;
  const yes = h("button", { type: "button", class: o.danger ? "danger" : "primary" }, o.confirm);
  const no = h("button", { type: "button" }, o.cancel ?? t("ui.dialog.cancel"));
  const dialog = h(
    "dialog",
    { class: "app-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, o.title),
    o.body ? h("div", { class: "app-dialog-body", id: `${id}-body` }, o.body) : null,
    h("div", { class: "row app-dialog-buttons" }, no, yes),
  );
  if (o.body) dialog.setAttribute("aria-describedby", `${id}-body`);
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(dialog);
  open = new Promise<boolean>((resolve) => {
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      open = null;
      before?.focus();
      resolve(answer);
    };
    yes.addEventListener("click", () => done(true));
    no.addEventListener("click", () => done(false));
    // Escape: the browser's cancel event, answered here so the promise settles
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      done(false);
    });
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        done(e.target !== no);
      } else if (e.key === "Tab") {
        // keep focus on the two buttons
        e.preventDefault();
        (document.activeElement === yes ? no : yes).focus();
      }
    });
  });
  dialog.showModal();
  yes.focus();
  return open;
}
