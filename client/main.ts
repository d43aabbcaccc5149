// The browser client's entry: styles and pages.
import "./no-eval.ts";
import "./styles.css";
import "./ui/layout.css";
import { applyTheme, themePickers } from "./ui/theme.ts";
import { route, show } from "./router.ts";
import { setEngineFreeze } from "../shared/engine/index.ts";
import { lobbyPage } from "./pages/lobby.ts";
import { joinPage } from "./pages/join.ts";
import { codesPage } from "./pages/codes.ts";
import { playPage } from "./pages/play.ts";
import { replayPage } from "./pages/replay.ts";
import { courseCodesPage, courseDashboardPage } from "./pages/course.ts";
import { comparePage } from "./pages/compare.ts";
import { labPage } from "./pages/lab.ts";
import { displayPage } from "./pages/display.ts";
import { studioPage } from "./pages/studio.ts";

// replaying long exercises in the browser: frozen states only help while developing
setEngineFreeze(import.meta.env.DEV);

route("/", lobbyPage);
route("/join", joinPage);
route("/replay", replayPage);
route("/replay/:id", replayPage);
route("/course/:id/codes", courseCodesPage);
route("/course/:id/compare", comparePage);
route("/course/:id", courseDashboardPage);
route("/exercise/:id/codes", codesPage);
route("/exercise/:id", playPage);
route("/display/:id", displayPage);
route("/lab/:id", labPage);
route("/studio", studioPage);
route("/studio/:id", studioPage);
applyTheme();
const app = document.getElementById("app");
if (app) themePickers(app);
void show();
