// #/ — the public directory of businesses, searchable and paged.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { DirectoryPageDto } from "../../api/types";
import { searchedView } from "./searched";
import { debounce } from "../../debounce";
import { t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { loadErrorView, loadingView, pagerView } from "../../views";
import { href } from "../../router";
import { logoView } from "./logo";
import { comuneLabel } from "./format";

const PAGE_SIZE = 20;

export function directoryPage(redraw: Redraw): Page {
  let q = "";
  let page = 1;
  let result: DirectoryPageDto | null = null;
  let failed = false;

  const load = latestOnly(
    (query: string, pageNumber: number) => api.directory(query, pageNumber, PAGE_SIZE),
    (found) => {
      result = found;
      failed = false;
      redraw();
    },
    () => {
      failed = true;
      redraw();
    },
  );
  const loadSoon = debounce(() => load(q, page), 300);

  function goTo(pageNumber: number): void {
    page = pageNumber;
    load(q, page);
    window.scrollTo({ top: 0 });
  }

  load(q, page);

  const pages = (r: DirectoryPageDto) => Math.max(1, Math.ceil(r.total / r.pageSize));

  return {
    title: () => t("directory.title"),
    dispose: () => {
      loadSoon.cancel();
      load.cancel();
    },
    view: () => html`
      <section>
        <div class="page-head">
          <h1>${t("directory.title")}</h1>
          <p class="muted">${t("directory.intro")}</p>
        </div>
        <form class="search" role="search" @submit=${(e: SubmitEvent) => { e.preventDefault(); loadSoon.cancel(); goTo(1); }}>
          <label class="visually-hidden" for="directory-search">${t("directory.search")}</label>
          <input id="directory-search" type="search" data-testid="directory-search" placeholder=${t("directory.searchPlaceholder")}
            .value=${q} @input=${(e: InputEvent) => { q = (e.target as HTMLInputElement).value; page = 1; loadSoon(); }} />
        </form>
        ${failed ? loadErrorView() : nothing}
        ${searchedView(result?.searched, "directory-searched")}
        ${result === null
          ? loadingView()
          : result.items.length === 0
            ? html`<p class="empty">${t("directory.empty")}</p>`
            : html`
                <p class="muted" aria-live="polite">${tn("directory.count", result.total)}</p>
                <ul class="directory">
                  ${result.items.map(
                    (item) => html`<li>
                      <a class="card directory-item" data-testid="directory-item" href=${href({ name: "business", id: item.id })}>
                        <span class="title-row">${logoView(item.name, item.logo)}<strong class="name">${item.name}</strong>
                          <span class="badge kind-${item.kind.toLowerCase()}">${t(`kind.${item.kind}`)}</span></span>
                        <span class="meta">
                          ${item.comuneName ? html`<span>${comuneLabel(item.comuneName, item.provinceSigla)}</span>` : nothing}
                          ${item.size ? html`<span>${t(`size.${item.size}`)}</span>` : nothing}
                          <span>${tn("directory.capabilities", item.capabilityCount)}</span>
                        </span>
                      </a>
                    </li>`,
                  )}
                </ul>
                ${pagerView(result.page, pages(result), goTo)}
              `}
      </section>
    `,
  };
}
