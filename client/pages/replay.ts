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
import { t } from "../i18n/index.ts";
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
    render(status, h("p", { class: "pending-text" }, what));
    const r = await outcome;
    render(status);
    if (!r.ok) {
      render(
        error,
        h(
          "div",
          { class: "card replay-refused" },
          h("h2", {}, t("replay.refused-title")),
          h("p", { class: "error-text" }, r.error),
          h("p", { class: "dim" }, t("replay.refused-hint", { source })),
        ),
      );
      return;
    }
    close = mountViewer(root, r.loaded, options);
  };
  const chosen = (file: File) =>
    void open(
      fromFile(file),
      t("replay.checking-file", { file: file.name }),
      t("replay.source-file", { file: file.name }),
    );
  const picker = filePicker(chosen);

  const page = (...intro: HTMLElement[]) => {
    const main = h(
      "main",
      { class: "page replay-open" },
      h("header", { class: "page-header" }, brand(), h("span", { class: "dim" }, t("replay.page-tagline"))),
      h("h1", {}, t("replay.page-title")),
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
    page(h("p", {}, t("replay.page-intro")));
    return;
  }
  const seat = seatFor(id, "facilitator");
  if (!seat) {
    page(h("p", { class: "card", role: "note" }, h("strong", {}, t("replay.no-seat")), " ", t("replay.no-seat-hint")));
    return;
  }
  page(h("p", {}, t("replay.fetching", { title: seat.title })));
  await open(
    fromServer(id, seat.code),
    t("replay.downloading", { title: seat.title }),
    t("replay.source-server", { title: seat.title }),
  );
}
