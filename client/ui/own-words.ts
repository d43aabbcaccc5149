// Words that are not the interface's (scenario texts, names people typed) read in their own direction.
import { i18n } from "../i18n/index.ts";

/** Gives `el` dir="auto", so a Latin name reads left to right inside an Arabic page, and the other way round. */
export function own<E extends HTMLElement>(el: E): E {
  el.dir = "auto";
  return el;
}

/** An arrow meaning "next" or "go there", pointing the way the page reads. */
export function forward(): string {
  return i18n().dir === "rtl" ? "\u200f←" : "→";
}

/**
 * Wraps a value typed by someone (a seed, a file name) in Unicode isolates inside a right-to-left page, so its
 * Latin letters and digits cannot reorder the sentence around it; a left-to-right page shows it as typed.
 */
export function isolate(text: string): string {
  return i18n().dir === "rtl" ? `\u2068${text}\u2069` : text;
}
