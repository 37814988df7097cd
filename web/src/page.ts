import type { TemplateResult } from "lit-html";

/** A mounted route. main.ts renders `view()` whenever something changes and calls `dispose()` on leaving. */
export interface Page {
  title(): string;
  view(): TemplateResult;
  dispose?(): void;
}

/** Asks main.ts to render the page again after its state changed. */
export type Redraw = () => void;
