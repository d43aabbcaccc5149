// The browser client's entry: styles and pages.
import "./styles.css";
import { route, show } from "./router.ts";
import { lobbyPage } from "./pages/lobby.ts";
import { joinPage } from "./pages/join.ts";
import { codesPage } from "./pages/codes.ts";
import { playPage } from "./pages/play.ts";

route("/", lobbyPage);
route("/join", joinPage);
route("/exercise/:id/codes", codesPage);
route("/exercise/:id", playPage);
void show();
