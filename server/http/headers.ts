// Security headers on everything express answers (helmet), with a strict
// Content-Security-Policy that allows exactly what the browser client uses:
// its own scripts and stylesheet, the SDK's fetches and WebSocket to this
// host, and data:/blob: images (the favicon, Phaser's built-in textures).
import type { IncomingMessage } from "node:http";
import type { Application, RequestHandler } from "express";
import helmet from "helmet";
import { reportCspHeader, reportStyleHashes } from "../../shared/report/html-csp.ts";
import { isLang } from "../../shared/i18n/index.ts";

/** A Host header that is only a host name or address and a port, so it is safe inside a header. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** ws: and wss: of the host the page was loaded from ('self' covers them in current browsers, not in older ones). */
function sameHostSocket(scheme: "ws" | "wss") {
  return (req: IncomingMessage) => {
    const host = req.headers.host ?? "";
    return PLAIN_HOST.test(host) ? `${scheme}://${host}` : "'self'";
  };
}

/** The policy of every page of the client. */
const clientCsp = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    // the hashes: the HTML report (in whichever language), opened from the console as a blob: page, inherits this policy
    "style-src": ["'self'", ...reportStyleHashes()],
    "style-src-attr": ["'none'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", sameHostSocket("ws"), sameHostSocket("wss")],
    "worker-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  },
});

/** API answers are data: nothing in them may load or run anything. */
const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const REPORT_PATH = /^\/api\/exercises\/[^/]+\/report\/?$/;

const apiCsp: RequestHandler = (req, res, next) => {
  // the report's stylesheet (its print footer) is worded in the language asked for: its hash is that language's
  const lang = typeof req.query.lang === "string" && isLang(req.query.lang) ? req.query.lang : "en";
  res.setHeader("Content-Security-Policy", REPORT_PATH.test(req.path) ? reportCspHeader(lang) : API_CSP);
  next();
};

/** Installs the headers; call it before every route. */
export function securityHeaders(app: Application): void {
  app.disable("x-powered-by");
  app.use(
    helmet({
      contentSecurityPolicy: false,
      // plain HTTP on a training network: HSTS is for the TLS proxy in front (when there is one) to send
      strictTransportSecurity: false,
      xFrameOptions: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
    }),
  );
  app.use((req, res, next) =>
    req.path.startsWith("/api/") || req.path === "/api" ? apiCsp(req, res, next) : clientCsp(req, res, next),
  );
}
