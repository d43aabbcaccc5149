// The balance report's stylesheet and Content-Security-Policy: like the
// after-action report, a standalone file with no script, its one stylesheet
// allowed by hash, nothing fetched.
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

export const LAB_CSS = `
:root{--ink:#1f2933;--muted:#5b6470;--navy:#14365d;--rule:#d5dae1;--soft:#f3f5f8;--green:#1e6b3a;--amber:#9a5b00;--red:#b3261e}
*{box-sizing:border-box}
html{background:#e9ecf0}
body{margin:0;color:var(--ink);font:14px/1.5 "Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.page{max-width:1160px;margin:24px auto;background:#fff;padding:36px 48px 48px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:28px;line-height:1.2;color:var(--navy);margin:4px 0 6px}
h2{font-size:20px;color:var(--navy);border-bottom:2px solid var(--navy);padding-bottom:4px;margin:36px 0 12px}
h3{font-size:15px;color:var(--navy);margin:0 0 4px}
p{margin:0 0 10px}
.eyebrow{font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:var(--muted);font-weight:600}
.subtitle{color:var(--muted);margin:0 0 18px}
.small,.why{font-size:12px;color:var(--muted)}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:14px 0 8px}
.tile{border:1px solid var(--rule);border-top:3px solid var(--navy);padding:8px 10px}
.tile .v{font-size:22px;font-weight:700;color:var(--navy);line-height:1.2}
.tile .k{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.tile.bad{border-top-color:var(--red)}.tile.bad .v{color:var(--red)}
.tile.good{border-top-color:var(--green)}.tile.good .v{color:var(--green)}
table{width:100%;border-collapse:collapse;margin:8px 0 14px;font-size:12.5px}
th,td{border-bottom:1px solid var(--rule);padding:5px 7px;text-align:start;vertical-align:top}
th{background:var(--soft);font-weight:600;color:#2c3540;border-top:1px solid var(--rule)}
td.num,th.num{text-align:end;white-space:nowrap}
[dir=rtl] :is(p,td,th,li,h3,.why,.title,.subtitle,.k,.small){unicode-bidi:plaintext}
th.ph{white-space:normal;font-size:11px;line-height:1.25;min-width:64px;vertical-align:bottom}
td.up{color:var(--red)}td.down{color:var(--green)}td.zero{color:#9aa3ae}
.wide{overflow-x:auto}
.pill{display:inline-block;border:1px solid var(--rule);border-radius:10px;padding:0 8px;font-size:11px;font-weight:700;
text-transform:uppercase;letter-spacing:.05em;white-space:nowrap}
.pill.pass{border-color:#9cc9ad;color:var(--green);background:#eef7f1}
.pill.fail{border-color:#e2a9a4;color:var(--red);background:#fbefee}
.pill.unmeasured{border-color:#e3c38e;color:var(--amber);background:#fdf6ea}
.checks td:first-child{width:96px}
.checks .title{font-weight:600}
.bar{display:block;width:160px;height:14px}
.fans{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px 18px}
.fan{border:1px solid var(--rule);padding:8px 10px 4px}
.fan svg{display:block;width:100%;height:auto}
.fan .about{font-size:11.5px;color:var(--muted);margin:0 0 4px;min-height:2.6em}
svg text{font-family:inherit}
svg .tick{font-size:10px;fill:#5b6470}
svg .rung{font-size:9.5px;fill:#3b4350}
svg .band90{fill:#14365d;opacity:.16}
svg .band50{fill:#14365d;opacity:.3}
svg .median{fill:none;stroke:#14365d;stroke-width:2.2}
svg .red-line{stroke:#b3261e;stroke-width:1.2;stroke-dasharray:5 4}
.legend{display:flex;gap:16px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin:4px 0 10px}
.legend i{display:inline-block;width:12px;height:10px;margin-inline-end:5px;vertical-align:-1px}
.legend .l90{background:rgba(20,54,93,.16)}.legend .l50{background:rgba(20,54,93,.3)}
.legend .lm{border-top:2px solid #14365d;height:0;vertical-align:3px}.legend .lr{border-top:2px dashed #b3261e;height:0;vertical-align:3px}
.legend .la{background:#1e6b3a}.legend .lt{background:#8a94a3}.legend .lf{background:#b3261e}
.legend .lc{background:#14365d}.legend .ls{background:#c77700}.legend .lx{background:#e8b96a}
table.narrow{width:auto}
.method li{margin:4px 0}
td.never{color:var(--red);font-weight:600}
@media (max-width:900px){.page{padding:20px}.tiles{grid-template-columns:repeat(2,1fr)}}
@media print{html,body{background:#fff}.page{max-width:none;margin:0;padding:0;box-shadow:none}
h2{break-after:avoid}tr,.fan,.tile{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

const DIRECTIVES = [
  "default-src 'none'",
  `style-src 'sha256-${base64(sha256(utf8ToBytes(LAB_CSS)))}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the report's `<meta http-equiv>` (browsers ignore frame-ancestors there). */
export const LAB_CSP_META = DIRECTIVES.join("; ");
/** For the HTTP header when the server sends the report. */
export const LAB_CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join("; ");
