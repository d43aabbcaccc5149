// Words that are not the interface's (scenario texts, names people typed) read in their own direction.
import { i18n } from "../i18n/index.ts";

/** Gives `el` dir="auto", so a Latin name reads left to right inside an Arabic page, and the other way round. */
export function auto<E extends HTMLElement>(el: E): E {
  el.dir = "auto";
  return el;
}

/** An arrow meaning "next" or "go there", pointing the way the page reads. */
export function forward(): string {
  return i18n().dir === "rtl" ? "\u200f←" : "→";
}
