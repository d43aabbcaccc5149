// A scenario's things by id, named for words: a scenario or a participant's
// glossary gives the names; an id that names nothing stays as it is.

type Named = readonly { id: string; name: string }[];

function nameIn(list: Named, id: string): string {
  return list.find((x) => x.id === id)?.name ?? id;
}

/** A phase's name ("Deliberation"). */
export function phaseName(sc: { phases: Named }, id: string): string {
  return nameIn(sc.phases, id);
}

/** A rung's name, by its id. */
export function rungName(sc: { ladder: { rungs: Named } }, id: string): string {
  return nameIn(sc.ladder.rungs, id);
}

/** An action's name. */
export function actionName(sc: { actions: Named }, id: string): string {
  return nameIn(sc.actions, id);
}

/** A confidence-building measure's name. */
export function cbmName(sc: { cbms: Named }, id: string): string {
  return nameIn(sc.cbms, id);
}
