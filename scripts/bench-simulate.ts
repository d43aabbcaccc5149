// Games per second of the simulation lab on each built-in scenario:
//   npm run bench:simulate [-- --games N]   (N games per profile, default 200: fewer and the
// workers' start-up, about half a second, weighs on the all-cores figure)
// Plays every profile, and the ablation profiles again with trust off and with
// standing off (as `npm run simulate` does), in this thread, then on all cores
// (worker threads), and prints games/s for each, with the time 1,000 games per
// profile would take.
import { availableParallelism } from "node:os";
import { PROFILE_IDS } from "../shared/lab/profiles.ts";
import { armsOf, defaultAblation, playSlice, totalGames, type LabJob } from "../shared/lab/run.ts";
import { playInWorkers } from "../server/http/lab.ts";
import { loadScenario } from "./simulate.ts";

const at = process.argv.indexOf("--games");
const games = at > 0 ? Number(process.argv[at + 1]) : 200;
if (!Number.isInteger(games) || games < 1) {
  console.error(`✗ --games: give a whole number of games per profile (got "${process.argv[at + 1]}")`);
  process.exit(1);
}
const cores = availableParallelism();
const ablation = defaultAblation(PROFILE_IDS);
const arms = armsOf({ profiles: [...PROFILE_IDS], ablation }).length;
console.log(
  `${games} games × ${arms} ways of playing (${PROFILE_IDS.length} profiles, ${ablation.length} ablated); ${cores} cores`,
);
console.log("scenario          1 thread     all cores    1,000/profile on all cores");
for (const id of ["tutorial", "grid-intrusion", "early-warning", "civilian-shield"]) {
  const job: LabJob = { scenario: loadScenario(id), profiles: [...PROFILE_IDS], games, seed: "bench", ablation };
  const total = totalGames(job);
  let t = performance.now();
  playSlice(job, 0, total);
  const one = (total * 1000) / (performance.now() - t);
  t = performance.now();
  await playInWorkers(job, cores).games;
  const all = (total * 1000) / (performance.now() - t);
  const thousand = (1000 * arms) / all;
  console.log(
    `${id.padEnd(17)} ${one.toFixed(0).padStart(5)} games/s ${all.toFixed(0).padStart(6)} games/s` +
      `    about ${thousand.toFixed(0)} s`,
  );
}
