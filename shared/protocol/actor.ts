// Who issued a command. The server decides this from the join code; it is never
// taken from a client's payload.
import { z } from "zod";

export const actor = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("facilitator"), name: z.string().max(60).default("Control") }),
  z.strictObject({ role: z.literal("team"), teamId: z.string(), name: z.string().max(60) }),
  z.strictObject({ role: z.literal("mediator"), name: z.string().max(60) }),
  z.strictObject({ role: z.literal("observer"), name: z.string().max(60) }),
  z.strictObject({ role: z.literal("system"), name: z.string().max(60).default("Server") }),
]);
export type Actor = z.infer<typeof actor>;
export type Role = Actor["role"];
