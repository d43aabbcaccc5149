// Calls to the HTTP API; an error carries the server's message for display.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Where the server is: the page's own origin; under `npm run dev`, the backend's port (VITE_SERVER_PORT). */
export function serverUrl(): string {
  const port = import.meta.env.VITE_SERVER_PORT as string | undefined;
  return port ? `${location.protocol}//${location.hostname}:${port}` : location.origin;
}

export async function call<T>(method: string, path: string, body?: unknown, bearer?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl()}/api${path}`, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "offline", "The Deconflict server cannot be reached. Is it running, and is this the right address?");
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "error", data?.error?.message ?? `The server answered ${res.status}`);
  return data as T;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  teams: { id: string; name: string; color: string }[];
  mediator: boolean;
  turns: number;
  phases: string[];
  objectives: number;
  injects: number;
}

export interface Codes {
  facilitator: string;
  observer: string;
  mediator?: string;
  teams: Record<string, string>;
}

export interface CreatedExercise {
  exerciseId: string;
  roomId: string;
  title: string;
  scenarioId: string;
  seed: string;
  codes: Codes;
}

export type JoinAnswer = JoinTarget | { course: string; title: string; role: "course" };

export interface JoinTarget {
  exerciseId: string;
  roomId: string;
  title: string;
  role: "facilitator" | "team" | "mediator" | "observer";
  teamId: string | null;
  seatName: string;
  status: string;
}

export interface CreatedCourse {
  groupId: string;
  title: string;
  scenarioId: string;
  code: string;
  cells: CreatedExercise[];
}

export interface CellSummary extends CreatedExercise {
  createdAt: number;
  status: string;
  outcome: { kind: string; text: string } | null;
  turn: number;
  turns: number;
  phase: string | null;
  escalation: number;
  rung: string;
  commands: number;
  connected: number;
}

export interface CourseSummary {
  groupId: string;
  title: string;
  scenarioId: string;
  createdAt: number;
  cells: CellSummary[];
}
