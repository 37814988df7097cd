// Tabs that split a long page into parts that fit a phone, as a tab list should behave (WAI-ARIA Authoring
// Practices): one tab in the Tab order, the arrow keys, Home and End move between tabs and show the one they reach.
// Every panel stays rendered and only the selected one is shown, so a hidden panel keeps what is typed in it and
// stays as current as the rest of the page (the live updates reach it as before).
import { html, type TemplateResult } from "lit-html";

export interface TabSpec<K extends string> {
  readonly id: K;
  readonly label: string;
  /** A number next to the label (what waits there), when there is one. */
  readonly count?: number | undefined;
}

/** The tab a key leads to from `current`, wrapping at both ends; null for a key the tab list leaves alone. */
export function tabForKey<K extends string>(ids: readonly K[], current: K, key: string): K | null {
  const at = ids.indexOf(current);
  if (ids.length === 0) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return ids[(at + 1) % ids.length]!;
    case "ArrowLeft":
    case "ArrowUp":
      return ids[(at - 1 + ids.length) % ids.length]!;
    case "Home":
      return ids[0]!;
    case "End":
      return ids[ids.length - 1]!;
    default:
      return null;
  }
}

/** The tab asked for when the page has it; otherwise the first (an old link, or a tab the viewer may not see). */
export function shownTab<K extends string>(ids: readonly K[], wanted: string | null | undefined): K {
  return ids.find((id) => id === wanted) ?? ids[0]!;
}

const tabId = (name: string, id: string) => `${name}-tab-${id}`;
const panelId = (name: string, id: string) => `${name}-panel-${id}`;

/**
 * The tab list `name` (unique on the page: it prefixes the elements' ids). `select` shows a tab; after a key the
 * reached tab also takes the focus, which it can at once: every tab is already in the page.
 */
export function tabsView<K extends string>(
  name: string,
  label: string,
  tabs: readonly TabSpec<K>[],
  selected: K,
  select: (id: K) => void,
): TemplateResult {
  const ids = tabs.map((tab) => tab.id);
  const onKey = (event: KeyboardEvent) => {
    const next = tabForKey(ids, selected, event.key);
    if (next === null) return;
    event.preventDefault();
    select(next);
    document.getElementById(tabId(name, next))?.focus();
  };
  return html`<div class="tabs" role="tablist" aria-label=${label} data-testid="${name}-tabs" @keydown=${onKey}>
    ${tabs.map((tab) => {
      const on = tab.id === selected;
      return html`<button type="button" role="tab" id=${tabId(name, tab.id)} aria-controls=${panelId(name, tab.id)}
        aria-selected=${on ? "true" : "false"} tabindex=${on ? "0" : "-1"} data-testid=${tabId(name, tab.id)}
        @click=${() => select(tab.id)}>${tab.label}${tab.count
          ? html` <span class="count" data-testid="${tabId(name, tab.id)}-count">${tab.count}</span>`
          : ""}</button>`;
    })}
  </div>`;
}

/** The panel of tab `id`: always in the page, hidden unless it is the selected one. */
export function tabPanel(name: string, id: string, selected: string, content: unknown): TemplateResult {
  return html`<div class="tab-panel" role="tabpanel" id=${panelId(name, id)} aria-labelledby=${tabId(name, id)}
    data-testid=${panelId(name, id)} tabindex="0" ?hidden=${id !== selected}>${content}</div>`;
}
