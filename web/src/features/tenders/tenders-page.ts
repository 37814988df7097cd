// #/tenders — the published tenders across the viewer's spaces (GET /api/tenders): one search box read as the main
// directory reads it (a trade, a place, CPV codes, words), the status, a lot's value and the days left to bid; the
// nearest deadline first, paged. The server decides which spaces the viewer finds tenders in.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { TenderFoundDto, TenderPhase, TenderSearchPageDto, TenderSearchQuery } from "../../api/types";
import { debounce } from "../../debounce";
import { describeFieldError } from "../../field-errors";
import { t, tn } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { loadingView, pagerView } from "../../views";
import { currentUser } from "../auth/session";
import { searchedView } from "../businesses/searched";
import { namedLotsView, tenderItemView } from "./tender-views";

const PAGE_SIZE = 20;
type Phase = NonNullable<TenderPhase>;
const PHASES: readonly Phase[] = ["Open", "Closed", "Awarded"];
const CLOSING_DAYS = [7, 14, 30, 60] as const;

interface Filters {
  q: string;
  status: Phase | "";
  minValue: string;
  maxValue: string;
  closingWithinDays: string;
}

/** The filters as the server takes them; empty ones are left out by the client. */
export function searchQuery(f: Filters, page: number): TenderSearchQuery {
  const query: TenderSearchQuery = { q: f.q, page, pageSize: PAGE_SIZE };
  const number = (text: string) => (text.trim() === "" || Number.isNaN(Number(text)) ? null : Number(text));
  if (f.status !== "") query.status = f.status;
  const min = number(f.minValue);
  if (min !== null) query.minValue = min;
  const max = number(f.maxValue);
  if (max !== null) query.maxValue = max;
  const days = number(f.closingWithinDays);
  if (days !== null) query.closingWithinDays = days;
  return query;
}

function foundView(found: TenderFoundDto) {
  return tenderItemView(found.tender, true, found.lots.length > 0
    ? namedLotsView(found.lots, t("tenders.search.lotsMatched"), "found-lots", found.tender.id)
    : nothing);
}

export function tendersPage(redraw: Redraw): Page {
  const filters: Filters = { q: "", status: "Open", minValue: "", maxValue: "", closingWithinDays: "" };
  let page = 1;
  let result: TenderSearchPageDto | null = null;
  let failure: string[] | null = null;

  const load = latestOnly(
    (query: TenderSearchQuery) => api.searchTenders(query),
    (found) => {
      result = found;
      failure = null;
      redraw();
    },
    (error: unknown) => {
      // A filter the server refuses says why, by field; anything else is the usual message.
      failure = error instanceof ApiError && Object.keys(error.errors).length > 0
        ? Object.values(error.errors).flatMap(describeFieldError)
        : [describeRefusal(error)];
      redraw();
    },
  );
  const run = () => load(searchQuery(filters, page));
  const runSoon = debounce(run, 300);
  const change = (next: Partial<Filters>, typing = false) => {
    Object.assign(filters, next);
    page = 1;
    if (typing) runSoon();
    else {
      runSoon.cancel();
      run();
    }
  };
  const goTo = (pageNumber: number) => {
    page = pageNumber;
    run();
    window.scrollTo({ top: 0 });
  };
  const pages = (r: TenderSearchPageDto) => Math.max(1, Math.ceil(r.total / r.pageSize));
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

  run();

  return {
    title: () => t("tenders.search.title"),
    dispose: () => {
      runSoon.cancel();
      load.cancel();
    },
    view: () => html`<section data-testid="tenders-page">
      <div class="page-head">
        <h1>${t("tenders.search.title")}</h1>
        <p class="muted">${t(currentUser() ? "tenders.search.intro" : "tenders.search.introVisitor")}</p>
      </div>
      <form class="directory-filters tender-filters" role="search" aria-label=${t("tenders.search.label")} novalidate
        @submit=${(e: SubmitEvent) => { e.preventDefault(); change({}); }}>
        <div class="filter-grid">
          <div class="field f-words">
            <label for="tender-q">${t("tenders.search.label")}</label>
            <input id="tender-q" type="search" data-testid="tender-search" autocomplete="off" placeholder=${t("tenders.search.placeholder")}
              .value=${filters.q} @input=${(e: Event) => change({ q: value(e) }, true)} />
          </div>
          <div class="field">
            <label for="tender-status">${t("tenders.search.status")}</label>
            <select id="tender-status" data-testid="tender-filter-status" @change=${(e: Event) => change({ status: value(e) as Filters["status"] })}>
              <option value="" ?selected=${filters.status === ""}>${t("tenders.search.status.any")}</option>
              ${PHASES.map((p) => html`<option value=${p} ?selected=${filters.status === p}>${t(`tenders.search.status.${p}`)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="tender-closing">${t("tenders.search.closing")}</label>
            <select id="tender-closing" data-testid="tender-filter-closing" @change=${(e: Event) => change({ closingWithinDays: value(e) })}>
              <option value="" ?selected=${filters.closingWithinDays === ""}>${t("tenders.search.closing.any")}</option>
              ${CLOSING_DAYS.map((n) => html`<option value=${n} ?selected=${filters.closingWithinDays === String(n)}>${t("tenders.search.closing.days", { n })}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="tender-min">${t("tenders.search.minValue")}</label>
            <input id="tender-min" type="number" min="0" step="1000" inputmode="numeric" data-testid="tender-filter-min"
              .value=${filters.minValue} @input=${(e: Event) => change({ minValue: value(e) }, true)} />
          </div>
          <div class="field">
            <label for="tender-max">${t("tenders.search.maxValue")}</label>
            <input id="tender-max" type="number" min="0" step="1000" inputmode="numeric" data-testid="tender-filter-max"
              .value=${filters.maxValue} @input=${(e: Event) => change({ maxValue: value(e) }, true)} />
          </div>
        </div>
      </form>
      ${failure ? html`<div class="alert error" role="alert" data-testid="tender-search-error">${failure.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      ${searchedView(result?.searched, "tenders-searched")}
      ${result === null
        ? failure ? nothing : loadingView()
        : result.items.length === 0
          ? html`<p class="empty" data-testid="tenders-empty">${t("tenders.search.empty")}</p>`
          : html`<p class="muted" aria-live="polite" data-testid="tenders-count">${tn("tenders.search.count", result.total)}</p>
              <ul class="tender-list found-tenders">${result.items.map(foundView)}</ul>
              ${pagerView(result.page, pages(result), goTo)}`}
    </section>`,
  };
}
