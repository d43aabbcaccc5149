// Join links as QR codes, so a participant's phone or laptop camera opens
// their seat: drawn as inline SVG from the `qr` package's module matrix, dark
// on white whatever the theme (cameras need the contrast), with a quiet zone.
import encodeQR from "qr";

const NS = "http://www.w3.org/2000/svg";

/** A QR code of `text`; `label` names it for screen readers ("QR code of Borealis's join link"). */
export function qrCode(text: string, label: string): SVGSVGElement {
  const rows = encodeQR(text, "raw", { ecc: "medium", border: 2 });
  const n = rows.length;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${n} ${n}`);
  svg.setAttribute("class", "qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const bg = document.createElementNS(NS, "rect");
  bg.setAttribute("width", `${n}`);
  bg.setAttribute("height", `${n}`);
  bg.setAttribute("fill", "#ffffff");
  let d = "";
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000000");
  svg.append(bg, path);
  return svg;
}
