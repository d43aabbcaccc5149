// Remembers, in this browser, which seats you hold: so a reload or a dropped
// tab puts you back where you were, and a facilitator finds their exercises.
export interface StoredSeat {
  roomId: string;
  code: string;
  name: string;
  title: string;
  role: string;
  seatName: string;
  savedAt: number;
}

const KEY = "deconflict:seats";

function all(): StoredSeat[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as StoredSeat[];
  } catch {
    return [];
  }
}

/** Remembers a seat; one browser may hold several in one exercise (a facilitator trying a team link). */
export function saveSeat(seat: StoredSeat): void {
  const others = all().filter((s) => !(s.roomId === seat.roomId && s.code === seat.code));
  localStorage.setItem(KEY, JSON.stringify([seat, ...others].slice(0, 30)));
}

/** The seat this browser holds in an exercise: of the given role if asked, else the one taken last. */
export function seatFor(roomId: string, role?: string): StoredSeat | undefined {
  return all().find((s) => s.roomId === roomId && (!role || s.role === role));
}

export function facilitatorSeats(): StoredSeat[] {
  return all().filter((s) => s.role === "facilitator");
}

/** Keeps what is typed in a field across re-renders, reconnections and reloads. */
export function keepDraft(el: HTMLInputElement | HTMLTextAreaElement, key: string): () => void {
  const k = `deconflict:draft:${key}`;
  const saved = sessionStorage.getItem(k);
  if (saved !== null && !el.value) el.value = saved;
  el.addEventListener("input", () => sessionStorage.setItem(k, el.value));
  return () => sessionStorage.removeItem(k);
}

/** A course of parallel cells this browser created. */
export interface StoredCourse {
  groupId: string;
  code: string;
  title: string;
  savedAt: number;
}

const COURSES = "deconflict:courses";

export function courses(): StoredCourse[] {
  try {
    return JSON.parse(localStorage.getItem(COURSES) ?? "[]") as StoredCourse[];
  } catch {
    return [];
  }
}

export function saveCourse(c: StoredCourse): void {
  localStorage.setItem(COURSES, JSON.stringify([c, ...courses().filter((x) => x.groupId !== c.groupId)].slice(0, 20)));
}

export function courseFor(groupId: string): StoredCourse | undefined {
  return courses().find((c) => c.groupId === groupId);
}
