// A search-as-you-type picker: debounced look-ups, only the latest answer shown, keyboard and mouse selection.
import { html, nothing, type TemplateResult } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { debounce } from "./debounce";
import { t } from "./i18n";
import { latestOnly } from "./latest";
import type { Redraw } from "./page";

export interface TypeaheadOptions<T> {
  /** data-testid of the input; each result gets `optionTestid`. */
  testid: string;
  optionTestid: string;
  placeholder: () => string;
  search(query: string): Promise<T[]>;
  key(item: T): string;
  option(item: T): TemplateResult | string;
  pick(item: T): void;
  /**
   * For a filter box, whose text is the filter: the text the box keeps after a pick (by default it is emptied,
   * for a picker that shows its choices elsewhere, as chips).
   */
  keepText?(item: T): string;
  /** Hears every change of the text as typed. */
  onText?(text: string): void;
}

export interface Typeahead {
  view(inputId: string, describedBy?: string, invalid?: boolean): TemplateResult;
  /** Puts a text in the box, e.g. the name of a choice read from the address. */
  setText(text: string): void;
  text(): string;
  dispose(): void;
}

const MIN_QUERY = 2;
const DELAY_MS = 250;

export function typeahead<T>(options: TypeaheadOptions<T>, redraw: Redraw): Typeahead {
  let query = "";
  let results: T[] = [];
  let active = -1;
  let expanded = false;
  let searching = false;
  let failed = false;

  const lookup = latestOnly(
    options.search,
    (found) => {
      results = found;
      active = found.length > 0 ? 0 : -1;
      searching = false;
      redraw();
    },
    () => {
      results = [];
      active = -1;
      searching = false;
      failed = true;
      redraw();
    },
  );
  const search = debounce((q: string) => lookup(q), DELAY_MS);

  function close(): void {
    search.cancel();
    lookup.cancel();
    results = [];
    active = -1;
    expanded = false;
    searching = false;
  }

  function choose(item: T): void {
    options.pick(item);
    query = options.keepText?.(item) ?? "";
    close();
    redraw();
  }

  function onInput(event: InputEvent): void {
    query = (event.target as HTMLInputElement).value;
    failed = false;
    options.onText?.(query);
    if (query.trim().length < MIN_QUERY) close();
    else {
      expanded = true;
      searching = true;
      search(query.trim());
    }
    redraw();
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length) % results.length;
      redraw();
    } else if (event.key === "Enter") {
      // Never submit the surrounding form from the search box.
      event.preventDefault();
      const item = results[active];
      if (item !== undefined) choose(item);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      close();
      redraw();
    }
  }

  return {
    dispose: close,
    setText: (text) => {
      query = text;
      close();
    },
    text: () => query,
    view: (inputId, describedBy, invalid = false) => {
      const listId = `${inputId}-options`;
      return html`
        <div class="typeahead">
          <input id=${inputId} type="search" autocomplete="off" role="combobox" data-testid=${options.testid}
            aria-autocomplete="list" aria-expanded=${results.length > 0 ? "true" : "false"} aria-controls=${listId}
            aria-activedescendant=${active >= 0 ? `${listId}-${active}` : ""} aria-describedby=${ifDefined(describedBy)} aria-invalid=${invalid ? "true" : "false"}
            placeholder=${options.placeholder()} .value=${live(query)} @input=${onInput} @keydown=${onKeydown}
            @blur=${() => { close(); redraw(); }} />
          ${results.length > 0
            ? html`<ul class="options" role="listbox" id=${listId}>
                ${results.map(
                  (item, i) => html`<li id="${listId}-${i}" role="option" aria-selected=${i === active ? "true" : "false"}
                    class=${i === active ? "active" : ""} data-testid=${options.optionTestid} data-value=${options.key(item)}
                    @mousedown=${(e: MouseEvent) => { e.preventDefault(); choose(item); }}>${options.option(item)}</li>`,
                )}
              </ul>`
            : expanded && !searching
              ? html`<p class="options-empty">${t(failed ? "search.failed" : "search.noResults")}</p>`
              : nothing}
        </div>
      `;
    },
  };
}
