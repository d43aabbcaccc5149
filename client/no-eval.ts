// Imported first by main.ts: zod must not probe `new Function` (its JIT), which
// the Content-Security-Policy forbids; the probe alone is reported as a violation.
import { z } from "zod";

z.config({ jitless: true });
