// The lobby: pick a scenario, create an exercise, or join one with a code.
import { brand, h, render } from "../ui/dom.ts";
import { call, type CreatedCourse, type CreatedExercise, type ScenarioSummary } from "../net/api.ts";
import { courses, facilitatorSeats, saveCourse, saveSeat } from "../net/seats.ts";
import { navigate } from "../router.ts";
import { selfPacedCard, selfPacedList } from "./self-paced.ts";
import { botChoice } from "./bot-choice.ts";

export async function lobbyPage(root: HTMLElement): Promise<void> {
  const list = h("div", { class: "grid", role: "radiogroup", "aria-label": "Scenarios" });
  const status = h("p", { role: "alert", class: "error-text" });
  let chosen: ScenarioSummary | null = null;

  const title = h("input", {
    id: "ex-title",
    name: "title",
    maxlength: 120,
    placeholder: "e.g. CERT course, cell A — 14 May",
  });
  const seed = h("input", { id: "ex-seed", name: "seed", maxlength: 100, placeholder: "leave empty for a random one" });
  const cells = h("input", { id: "ex-cells", type: "number", value: "1", style: "width: 6em" });
  cells.min = "1";
  cells.max = "12";
  const sameSeed = h("input", { id: "ex-same-seed", type: "checkbox", checked: true });
  const create = h("button", { class: "primary", type: "submit", disabled: true }, "Create exercise");
  // a server started with CREATE_CODE asks organisers for it
  const organiser = h("input", {
    id: "ex-organiser",
    type: "password",
    autocomplete: "off",
    value: sessionStorage.getItem("deconflict:organiser") ?? "",
  });
  const organiserBox = h(
    "div",
    { hidden: true },
    h("label", { for: "ex-organiser" }, "Organiser code"),
    organiser,
    h("p", { class: "dim" }, "This server asks for its organiser code before creating exercises."),
  );
  void call<{ createCodeRequired?: boolean }>("GET", "/health")
    .then((hl) => (organiserBox.hidden = !hl.createCodeRequired))
    .catch(() => {});
  const courseBox = h(
    "fieldset",
    {},
    h("legend", {}, "Parallel cells (for a course)"),
    h(
      "div",
      { class: "row" },
      h("label", { for: "ex-cells", style: "margin: 0" }, "Cells"),
      cells,
      h(
        "label",
        { class: "inline", for: "ex-same-seed" },
        sameSeed,
        "Same seed in every cell, so chance falls alike and cells compare fairly",
      ),
    ),
    h(
      "p",
      { class: "dim", style: "margin: 0.4em 0 0" },
      "One cell is one exercise. With several, each cell gets its own codes, and one dashboard follows and compares them all.",
    ),
  );
  cells.addEventListener(
    "input",
    () => (create.textContent = Number(cells.value) > 1 ? `Create ${cells.value} cells` : "Create exercise"),
  );
  const chosenLabel = h("p", { class: "dim" }, "Choose a scenario above.");
  const bots = botChoice();
  const review = h("input", { id: "ex-review", type: "checkbox" });
  const adjudication = () => (review.checked ? ("review" as const) : undefined);
  const form = h(
    "form",
    { class: "card", "aria-label": "Create an exercise" },
    h("h2", {}, "2. Set it up"),
    chosenLabel,
    h("label", { for: "ex-title" }, "Title (optional)"),
    title,
    h("label", { for: "ex-seed" }, "Seed (optional)"),
    seed,
    h(
      "p",
      { class: "dim" },
      "The seed fixes the dice: two exercises with the same scenario and seed resolve chance the same way.",
    ),
    bots.el,
    h(
      "label",
      { class: "inline", for: "ex-review" },
      review,
      "Control reviews each turn's adjudication before the teams see it (approve or amend)",
    ),
    courseBox,
    organiserBox,
    h("div", { class: "row" }, create),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!chosen) return;
    create.disabled = true;
    create.textContent = "Creating…";
    status.textContent = "";
    const bearer = organiser.value.trim() || undefined;
    if (bearer) sessionStorage.setItem("deconflict:organiser", bearer);
    try {
      const n = Number(cells.value) || 1;
      if (n > 1) {
        const course = await call<CreatedCourse>(
          "POST",
          "/groups",
          {
            scenarioId: chosen.id,
            cells: n,
            sameSeed: sameSeed.checked,
            title: title.value || undefined,
            seed: seed.value || undefined,
            bots: bots.value(),
            adjudication: adjudication(),
          },
          bearer,
        );
        saveCourse({ groupId: course.groupId, code: course.code, title: course.title, savedAt: Date.now() });
        for (const c of course.cells)
          saveSeat({
            roomId: c.roomId,
            code: c.codes.facilitator,
            name: "Control",
            title: c.title,
            role: "facilitator",
            seatName: "Control",
            savedAt: Date.now(),
          });
        navigate(`/course/${course.groupId}/codes`);
        return;
      }
      const ex = await call<CreatedExercise>(
        "POST",
        "/exercises",
        {
          scenarioId: chosen.id,
          title: title.value || undefined,
          seed: seed.value || undefined,
          bots: bots.value(),
          adjudication: adjudication(),
        },
        bearer,
      );
      saveSeat({
        roomId: ex.roomId,
        code: ex.codes.facilitator,
        name: "Control",
        title: ex.title,
        role: "facilitator",
        seatName: "Control",
        savedAt: Date.now(),
      });
      navigate(`/exercise/${ex.roomId}/codes`);
    } catch (err) {
      if ((err as { code?: string }).code === "create-code-required") organiserBox.hidden = false;
      status.textContent = (err as Error).message;
      create.disabled = false;
      create.textContent = "Create exercise";
    }
  });

  // one trainee alone: the same scenario choice, the same organiser code
  const solo = selfPacedCard({
    bearer: () => organiser.value.trim() || undefined,
    needCode: () => (organiserBox.hidden = false),
  });

  const code = h("input", {
    id: "join-code",
    name: "code",
    placeholder: "XXXX-XXXX-XXXX-XXXX-XXXX",
    autocomplete: "off",
    class: "mono",
  });
  const joinForm = h(
    "form",
    { class: "card", "aria-label": "Join an exercise" },
    h("h2", {}, "Join an exercise"),
    h("label", { for: "join-code" }, "Your join code"),
    h("div", { class: "row" }, h("div", { class: "grow" }, code), h("button", { type: "submit" }, "Join")),
    h("p", { class: "dim" }, "Your facilitator gives you a code or a link. The code decides your seat."),
  );
  joinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate(`/join?code=${encodeURIComponent(code.value.trim())}`);
  });

  const mine = facilitatorSeats();
  const myCourses = courses();
  render(
    root,
    h(
      "main",
      { class: "page" },
      h(
        "header",
        { class: "page-header" },
        brand(),
        h("span", { class: "dim" }, "Cyber-crisis exercises between states"),
      ),
      h(
        "div",
        { class: "row", style: "align-items: stretch; gap: 1em; margin-bottom: 1.5em" },
        h("section", { class: "grow" }, joinForm),
        mine.length || myCourses.length
          ? h(
              "section",
              { class: "card grow", "aria-label": "Your exercises" },
              h("h2", {}, "Your exercises"),
              h(
                "ul",
                {},
                myCourses
                  .slice(0, 4)
                  .map((c) => h("li", {}, h("a", { href: `/course/${c.groupId}` }, c.title), " · course dashboard")),
                mine
                  .slice(0, 6)
                  .map((s) =>
                    h(
                      "li",
                      {},
                      h("a", { href: `/exercise/${s.roomId}?as=facilitator` }, s.title),
                      " · ",
                      h("a", { href: `/exercise/${s.roomId}/codes` }, "join codes"),
                      " · ",
                      h("a", { href: `/replay/${s.roomId}` }, "replay"),
                    ),
                  ),
              ),
            )
          : null,
        selfPacedList(),
      ),
      h("h1", {}, "Run an exercise"),
      h("section", { "aria-label": "Choose a scenario" }, h("h2", {}, "1. Choose a scenario"), list),
      h("section", { style: "margin-top: 1.5em" }, form),
      solo.el,
    ),
  );

  let scenarios: ScenarioSummary[];
  try {
    scenarios = await call<ScenarioSummary[]>("GET", "/scenarios");
  } catch (err) {
    render(list, h("p", { class: "error-text", role: "alert" }, (err as Error).message));
    return;
  }
  const cards = scenarios.map((s) => {
    const card = h(
      "div",
      { class: "card scenario-card", role: "radio", "aria-checked": "false", tabindex: 0, "data-scenario": s.id },
      h("h3", {}, s.title),
      h("p", {}, s.summary),
      h(
        "div",
        { class: "teams-list" },
        s.teams.map((t) =>
          h("span", { class: "badge" }, h("span", { class: "swatch", style: `background:${t.color}` }), t.name),
        ),
        s.mediator ? h("span", { class: "badge accent" }, "+ mediator") : null,
      ),
      h("small", {}, `${s.turns} turns · ${s.phases.join(" → ")} · ${s.injects} injects`),
    );
    const pick = () => {
      chosen = s;
      solo.choose(s);
      bots.choose(s);
      for (const c of cards) c.setAttribute("aria-checked", String(c === card));
      create.disabled = false;
      chosenLabel.textContent = `Scenario: ${s.title} — ${s.teams.length} teams${s.mediator ? " and a mediator" : ""}, ${s.turns} turns.`;
    };
    card.addEventListener("click", pick);
    card.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pick();
      }
    });
    return card;
  });
  // the lab's link sits under its card, not inside it: a link inside a radio button is a control within a control
  render(
    list,
    cards.map((card, i) =>
      h(
        "div",
        { class: "scenario-item" },
        card,
        h(
          "p",
          { class: "scenario-lab" },
          h(
            "a",
            { href: `/lab/${scenarios[i]!.id}`, "data-lab": scenarios[i]!.id },
            "Simulation lab: what does it teach? →",
          ),
        ),
      ),
    ),
  );
}
