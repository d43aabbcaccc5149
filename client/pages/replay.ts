// The replay of a recorded exercise. /replay opens a recording file (chosen or
// dropped); /replay/:id fetches the exercise's recording from this server with
// the facilitator code this browser holds. Either way the recording is checked
// (hash chain, format, scenario) before anything is shown.
import { seatFor } from "../net/seats.ts";
import { onLeavePage } from "../router.ts";
import { brand, h, render } from "../ui/dom.ts";
import { fromFile, fromServer, type LoadOutcome } from "../replay/load.ts";
import { acceptDrops, filePicker } from "../replay/picker.ts";
import { mountViewer } from "../replay/viewer.ts";
import "../replay/replay.css";
import "../replay/replay-short.css";

export async function replayPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const id = params.id;
  const options = {
    step: params.step !== undefined && /^\d+$/.test(params.step) ? Number(params.step) : undefined,
    pov: params.pov,
  };
  let close: (() => void) | null = null;
  onLeavePage(() => close?.());

  const status = h("div", { role: "status", class: "replay-status" });
  const error = h("div", { role: "alert" });
  const open = async (outcome: Promise<LoadOutcome>, what: string, source: string) => {
    render(error);
    render(status, h("p", { class: "pending-text" }, `${what}…`));
    const r = await outcome;
    render(status);
    if (!r.ok) {
      render(
        error,
        h(
          "div",
          { class: "card replay-refused" },
          h("h2", {}, "This recording cannot be replayed"),
          h("p", { class: "error-text" }, r.error),
          h(
            "p",
            { class: "dim" },
            `${source}. Nothing of it is shown. Download the recording again from the control console, or ask the facilitator for the original file.`,
          ),
        ),
      );
      return;
    }
    close = mountViewer(root, r.loaded, options);
  };
  const chosen = (file: File) => void open(fromFile(file), `Checking “${file.name}”`, `File: ${file.name}`);
  const picker = filePicker(chosen);

  const page = (...intro: HTMLElement[]) => {
    const main = h(
      "main",
      { class: "page replay-open" },
      h("header", { class: "page-header" }, brand(), h("span", { class: "dim" }, "Replay and analysis")),
      h("h1", {}, "Replay an exercise"),
      intro,
      status,
      error,
      picker,
    );
    // a file dropped anywhere on the page opens too, instead of the browser navigating to it
    acceptDrops(main, chosen);
    render(root, main);
  };

  if (!id) {
    page(
      h(
        "p",
        {},
        "Open the recording of an exercise — the JSON file the control console downloads — to step through it " +
          "command by command, from any participant's point of view. The file is checked before it is shown: " +
          "a changed, cut or unknown recording is refused with the reason.",
      ),
    );
    return;
  }
  const seat = seatFor(id, "facilitator");
  if (!seat) {
    page(
      h(
        "p",
        { class: "card", role: "note" },
        h("strong", {}, "This browser holds no control seat for this exercise. "),
        "Replaying it from the server needs the facilitator's code, which the browser that created the exercise keeps. " +
          "Ask the facilitator for the recording file (control console → download the recording) and open it here.",
      ),
    );
    return;
  }
  page(h("p", {}, `The recording of “${seat.title}” is fetched from this server with your control code.`));
  await open(
    fromServer(id, seat.code),
    `Downloading and checking the recording of “${seat.title}”`,
    `Downloaded from this server: “${seat.title}”`,
  );
}
