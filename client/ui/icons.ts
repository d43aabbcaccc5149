// A small icon set drawn as inline SVG, so no symbol depends on an emoji or
// symbol font the machine may lack (Chromium on Linux showed "⏸" as an empty
// box). Each icon is decorative: the text beside it says what it means.

const PATHS = {
  pause: "M5 3h4v14H5zM11 3h4v14h-4z",
  play: "M5 3l12 7-12 7z",
  back: "M15 3L3 10l12 7z",
  up: "M10 3l8 13H2z",
  down: "M10 17L2 4h16z",
  close: "M4.5 3L10 8.5 15.5 3 17 4.5 11.5 10 17 15.5 15.5 17 10 11.5 4.5 17 3 15.5 8.5 10 3 4.5z",
  check: "M2.5 10.5L4.5 8.5 8 12l7.5-8 2 2L8 16z",
  right: "M3 9h10V5l5 5-5 5v-4H3z",
  expand: "M2 2h6v2H5.4l3.8 3.8-1.4 1.4L4 5.4V8H2zM18 18h-6v-2h2.6l-3.8-3.8 1.4-1.4 3.8 3.8V12h2z",
  collapse: "M9 9H3V7h2.6L1.8 3.2l1.4-1.4L7 5.6V3h2zM11 11h6v2h-2.6l3.8 3.8-1.4 1.4-3.8-3.8V17h-2z",
  download: "M9 2h2v9l3-3 1.4 1.4L10 14.8 4.6 9.4 6 8l3 3zM3 16h14v2H3z",
  sound:
    "M3 7h3l5-4v14l-5-4H3zM13 6.5a5 5 0 0 1 0 7l-1.2-1.2a3.3 3.3 0 0 0 0-4.6zM15.3 4.2a8.2 8.2 0 0 1 0 11.6l-1.2-1.2a6.5 6.5 0 0 0 0-9.2z",
  mute: "M3 7h3l5-4v14l-5-4H3zM13 7.4l1.2-1.2 1.8 1.8 1.8-1.8 1.2 1.2-1.8 1.8 1.8 1.8-1.2 1.2-1.8-1.8-1.8 1.8-1.2-1.2 1.8-1.8z",
  warning: "M10 2l9 16H1zM9 7v5h2V7zM9 14v2h2v-2z",
  clip: "M13 5v8a3 3 0 0 1-6 0V4a2 2 0 0 1 4 0v8a1 1 0 0 1-2 0V6H7.5v6a2.5 2.5 0 0 0 5 0V4a3.5 3.5 0 0 0-7 0v9a4.5 4.5 0 0 0 9 0V5z",
  clock: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12zM9 5v5.6l3.7 2.2.9-1.5L11 9.8V5z",
  operational: "M2.5 10.5L4.5 8.5 8 12l7.5-8 2 2L8 16z",
  degraded: "M10 2a8 8 0 1 0 0 16zm0 2v12a6 6 0 0 0 0-12z",
  circle: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12z",
  dot: "M10 5a5 5 0 1 0 0 10 5 5 0 0 0 0-10z",
  phone: "M5 2l3 1 1 4-2 1.5a10 10 0 0 0 4.5 4.5L13 11l4 1 1 3-2 3C9 18 2 11 2 4z",
  sun: "M10 6a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM9 0h2v4H9zM9 16h2v4H9zM0 9h4v2H0zM16 9h4v2h-4z",
} as const;

export type IconName = keyof typeof PATHS;

const NS = "http://www.w3.org/2000/svg";

/** An icon the size of the text around it, in its colour. `down` for a sector is the cross. */
export function icon(name: IconName | "down-sector"): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("class", `icon icon-${name}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", PATHS[name === "down-sector" ? "close" : name]);
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

/** Replaces an element's content with an icon and its words (a button whose label changes). */
export function withIcon(el: HTMLElement, name: IconName, text: string): void {
  el.replaceChildren(icon(name), document.createTextNode(text));
}
