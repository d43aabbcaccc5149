// What the studio page gives each of its side panels (spreadsheet, attachments, try it):
// the draft being edited, a way to replace it, and the organiser's headers for the API.

export interface StudioPanelContext {
  /** the draft as the designer has it now (it may not validate yet) */
  draft(): unknown;
  /** replaces the draft (the page re-renders its forms and validates) */
  update(next: unknown): void;
  /** the saved scenario's id and version, or null while the draft has never been saved */
  saved(): { id: string; version: number } | null;
  /** Authorization header with the organiser code, when the designer gave one */
  headers(): Record<string, string>;
}

/** A panel is built once per studio page and kept; it reads the draft when the designer acts. */
export type StudioPanel = (ctx: StudioPanelContext) => HTMLElement;
