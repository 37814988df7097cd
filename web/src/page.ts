import type { TemplateResult } from "lit-html";
import type { Route } from "./router";

/** A mounted route. main.ts renders `view()` whenever something changes and calls `dispose()` on leaving. */
export interface Page {
  title(): string;
  view(): TemplateResult;
  dispose?(): void;
  /**
   * The address changed to `route`: true when it is still this page (another of its tabs) and the page shows it,
   * so that main.ts keeps the page, with its state and live subscriptions, instead of mounting it afresh.
   */
  follow?(route: Route): boolean;
}

/** Asks main.ts to render the page again after its state changed. */
export type Redraw = () => void;
