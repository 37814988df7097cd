// On a space's page: the search over its member firms (GET /api/spaces/{id}/directory) by words, CPV code,
// place (comune, province, region, or within N km of a comune), size and the association's verified mark. The
// filters live in the address (#/spaces/{id}?cpv=45&near=037006), so that a search can be shared and survives a
// reload; typing is debounced, and only the answer to the latest search is shown.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { CapabilityDto, ComuneDto, SpaceDirectoryPageDto } from "../../api/types";
import { debounce } from "../../debounce";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatNumber, localized, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { comuneNames } from "../../reference/comuni";
import { provinces } from "../../reference/provinces";
import { href, parseRoute } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { currentUser } from "../auth/session";
import { comuneLabel } from "../businesses/format";
import {
  apiQuery,
  cpvFromText,
  cpvPrefix,
  DEFAULT_RADIUS_KM,
  emptyFilters,
  filterFields,
  filtersFromQuery,
  hashQuery,
  hasFilters,
  hasNextPage,
  isComuneCode,
  MAX_RADIUS_KM,
  MIN_RADIUS_KM,
  pageCount,
  parseRadius,
  sizes,
  spaceHash,
  totalKind,
  type DirectoryFilters,
} from "./directory-filters";
import { verifiedBadge } from "./space-views";

export type DirectoryState = "loading" | "forbidden" | "error" | "invalid" | "ok";

const TYPING_MS = 300;
const regions = [...new Set(provinces.map((p) => p.region))].sort((a, b) => a.localeCompare(b, "it"));
const provincesByName = [...provinces].sort((a, b) => a.name.localeCompare(b.name, "it"));

export function spaceDirectory(spaceId: string, redraw: Redraw) {
  let filters: DirectoryFilters = filtersFromQuery(hashQuery(location.hash));
  let result: SpaceDirectoryPageDto | null = null;
  let state: DirectoryState = "loading";
  /** A search is on its way: the results shown are the previous search's. */
  let searching = false;
  let errors: FieldErrors = {};
  /** The filters the errors are about. */
  let radiusText = filters.radiusKm === null ? "" : String(filters.radiusKm);
  /** The label of the CPV code filtered on, once known. */
  let cpvLabel: { prefix: string; labelIt: string; labelEn: string } | null = null;
  /** What the comune boxes show for the comune chosen, to tell a choice from a new search typed over it. */
  let comuneText = "";
  let nearText = "";
  let disposed = false;
  let headingId = "";

  const search = latestOnly(
    (f: DirectoryFilters) => api.spaceDirectory(spaceId, apiQuery(f)),
    (page) => {
      result = page;
      state = "ok";
      errors = {};
      searching = false;
      redraw();
    },
    (error) => {
      searching = false;
      if (error instanceof ApiError && error.status === 403) {
        state = "forbidden";
        result = null;
      } else if (error instanceof ApiError && error.status === 400) {
        state = "invalid";
        errors = error.errors;
        result = null;
      } else if (result === null) state = "error"; // A failed refresh keeps the results shown.
      redraw();
    },
  );
  const searchSoon = debounce(() => run(), TYPING_MS);

  const describeCpv = latestOnly(
    (prefix: string) => api.searchCpv(prefix, 1).then((found) => ({ prefix, found })),
    ({ prefix, found }) => {
      const entry = found.find((c) => c.code.replace("-", "").startsWith(prefix));
      cpvLabel = entry ? { prefix, labelIt: entry.labelIt, labelEn: entry.labelEn } : null;
      redraw();
    },
    () => (cpvLabel = null),
  );

  function labelCpv(): void {
    const prefix = cpvPrefix(filters.cpv);
    if (prefix === null) {
      describeCpv.cancel();
      cpvLabel = null;
    } else if (cpvLabel?.prefix !== prefix) describeCpv(prefix);
  }

  function run(): void {
    searchSoon.cancel();
    searching = true;
    search(filters);
    redraw();
  }

  /** Keeps the search in the address without a new history entry or a new page (replaceState fires no hashchange). */
  function writeAddress(): void {
    if (disposed) return;
    const route = parseRoute(location.hash);
    if (route.name !== "space" || route.id !== spaceId.toLowerCase()) return;
    const hash = spaceHash(route.id, filters);
    if (location.hash !== hash) history.replaceState(history.state, "", hash);
  }

  /** A filter changed: back to page 1; typing waits for a pause, a choice searches at once. */
  function change(patch: Partial<DirectoryFilters>, typing = false): void {
    filters = { ...filters, ...patch, page: 1 };
    writeAddress();
    if (typing) {
      searchSoon();
      redraw();
    } else run();
  }

  function goToPage(page: number): void {
    filters = { ...filters, page };
    writeAddress();
    run();
    if (headingId) document.getElementById(headingId)?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  const cpvBox = typeahead<CapabilityDto>(
    {
      testid: "directory-filter-cpv",
      optionTestid: "directory-cpv-option",
      placeholder: () => t("spaceDirectory.cpvPlaceholder"),
      search: (q) => api.searchCpv(q, 10),
      key: (c) => c.code,
      option: (c) => html`<code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}`,
      keepText: (c) => cpvFromText(c.code) ?? c.code,
      pick: (c) => {
        const digits = cpvFromText(c.code) ?? "";
        cpvLabel = { prefix: cpvPrefix(digits) ?? digits, labelIt: c.labelIt, labelEn: c.labelEn };
        change({ cpv: digits });
        labelCpv();
      },
      onText: (text) => {
        const code = cpvFromText(text);
        // Words look for a code by its name: no code filter until one is picked from the list.
        const next = code ?? "";
        if (next !== filters.cpv) {
          change({ cpv: next }, true);
          labelCpv();
        }
      },
    },
    redraw,
  );

  /** A comune filter: a name picked from the list, or an ISTAT code typed in; editing the name drops the choice. */
  function comuneBox(field: "comune" | "near", testid: string) {
    const shown = () => (field === "comune" ? comuneText : nearText);
    const remember = (text: string) => (field === "comune" ? (comuneText = text) : (nearText = text));
    const set = (code: string): Partial<DirectoryFilters> => (field === "comune" ? { comune: code } : { near: code });
    return typeahead<ComuneDto>(
      {
        testid,
        optionTestid: `directory-${field}-option`,
        placeholder: () => t(field === "near" ? "spaceDirectory.nearPlaceholder" : "spaceDirectory.comunePlaceholder"),
        search: (q) => api.searchComuni(q, 10),
        key: (c) => c.code,
        option: (c) => html`${comuneLabel(c.name, c.provinceSigla)} <span class="muted">${c.regionName}</span>`,
        keepText: (c) => comuneLabel(c.name, c.provinceSigla),
        pick: (c) => {
          remember(comuneLabel(c.name, c.provinceSigla));
          change(set(c.code));
        },
        onText: (text) => {
          if (isComuneCode(text)) {
            remember(text.trim());
            change(set(text.trim()), true);
          } else if (filters[field] !== "" && text !== shown()) {
            remember("");
            change(set(""), true);
          }
        },
      },
      redraw,
    );
  }
  const comuneFilter = comuneBox("comune", "directory-filter-comune");
  const nearFilter = comuneBox("near", "directory-filter-near");

  /** The boxes' texts for filters read from the address: the code at once, the comune's name once known. */
  function fillTexts(): void {
    cpvBox.setText(filters.cpv);
    labelCpv();
    comuneText = filters.comune;
    nearText = filters.near;
    comuneFilter.setText(filters.comune);
    nearFilter.setText(filters.near);
    radiusText = filters.radiusKm === null ? "" : String(filters.radiusKm);
    if (filters.comune === "" && filters.near === "") return;
    comuneNames().then(
      (names) => {
        const name = (code: string) => {
          const found = code ? names.get(code) : undefined;
          return found ? comuneLabel(found.name, found.sigla) : null;
        };
        const comune = name(filters.comune);
        const near = name(filters.near);
        // Only if the box still shows the code: the user may have typed something else meanwhile.
        if (comune && comuneFilter.text() === filters.comune) comuneFilter.setText((comuneText = comune));
        if (near && nearFilter.text() === filters.near) nearFilter.setText((nearText = near));
        redraw();
      },
      () => undefined, // The codes stay in the boxes.
    );
  }
  fillTexts();

  function reset(): void {
    filters = emptyFilters();
    fillTexts();
    writeAddress();
    run();
  }

  const errorsFor = (field: string) => fieldMessages(errors, field);

  function filtersView() {
    const described = (field: string, hint?: string) => {
      const ids = [errorsFor(field).length ? `dir-${field}-error` : null, hint ?? null].filter(Boolean);
      return ids.length ? ids.join(" ") : undefined;
    };
    const invalid = (field: string) => errorsFor(field).length > 0;
    const radius = parseRadius(radiusText);
    const prefix = cpvPrefix(filters.cpv);
    return html`<form class="directory-filters" role="search" aria-label=${t("spaceDirectory.searchLabel")} novalidate
      @submit=${(e: SubmitEvent) => { e.preventDefault(); run(); }}>
      <div class="filter-grid">
        <div class="field f-words">
          <label for="dir-words">${t("spaceDirectory.words")}</label>
          <input id="dir-words" type="search" data-testid="directory-search-words" autocomplete="off"
            placeholder=${t("spaceDirectory.wordsPlaceholder")} .value=${live(filters.q)}
            @input=${(e: InputEvent) => change({ q: (e.target as HTMLInputElement).value }, true)} />
        </div>
        <div class="field f-cpv">
          <label for="dir-cpv">${t("spaceDirectory.cpv")}</label>
          ${cpvBox.view("dir-cpv", described("cpv", "dir-cpv-hint"), invalid("cpv"))}
          <small class="hint" id="dir-cpv-hint">${prefix && cpvLabel?.prefix === prefix
            ? html`<span class="chosen" data-testid="directory-cpv-chosen">${t("spaceDirectory.cpvChosen", { prefix, label: localized(cpvLabel.labelIt, cpvLabel.labelEn) })}</span>`
            : t("spaceDirectory.cpvHint")}</small>
          ${fieldErrorView("cpv", errorsFor("cpv"), "dir-cpv-error")}
        </div>
        <div class="field f-size">
          <label for="dir-size">${t("spaceDirectory.size")}</label>
          <select id="dir-size" data-testid="directory-filter-size" aria-invalid=${invalid("size") ? "true" : "false"}
            aria-describedby=${ifDefined(described("size"))}
            @change=${(e: Event) => change({ size: (e.target as HTMLSelectElement).value as DirectoryFilters["size"] })}>
            <option value="" ?selected=${filters.size === ""}>${t("spaceDirectory.anySize")}</option>
            ${sizes.map((size) => html`<option value=${size} ?selected=${filters.size === size}>${t(`size.${size}`)}</option>`)}
          </select>
          ${fieldErrorView("size", errorsFor("size"), "dir-size-error")}
        </div>
        <div class="field f-province">
          <label for="dir-province">${t("spaceDirectory.province")}</label>
          <select id="dir-province" data-testid="directory-filter-province" aria-invalid=${invalid("province") ? "true" : "false"}
            aria-describedby=${ifDefined(described("province"))}
            @change=${(e: Event) => change({ province: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${filters.province === ""}>${t("spaceDirectory.anyProvince")}</option>
            ${filters.province && !provinces.some((p) => p.sigla === filters.province)
              ? html`<option value=${filters.province} selected>${filters.province}</option>`
              : nothing}
            ${provincesByName.map((p) => html`<option value=${p.sigla} ?selected=${filters.province === p.sigla}>${p.name} (${p.sigla})</option>`)}
          </select>
          ${fieldErrorView("province", errorsFor("province"), "dir-province-error")}
        </div>
        <div class="field f-region">
          <label for="dir-region">${t("spaceDirectory.region")}</label>
          <select id="dir-region" data-testid="directory-filter-region" aria-invalid=${invalid("region") ? "true" : "false"}
            aria-describedby=${ifDefined(described("region"))}
            @change=${(e: Event) => change({ region: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${filters.region === ""}>${t("spaceDirectory.anyRegion")}</option>
            ${filters.region && !regions.includes(filters.region)
              ? html`<option value=${filters.region} selected>${filters.region}</option>`
              : nothing}
            ${regions.map((r) => html`<option value=${r} ?selected=${filters.region === r}>${r}</option>`)}
          </select>
          ${fieldErrorView("region", errorsFor("region"), "dir-region-error")}
        </div>
        <div class="field f-comune">
          <label for="dir-comune">${t("spaceDirectory.comune")}</label>
          ${comuneFilter.view("dir-comune", described("comune"), invalid("comune"))}
          ${fieldErrorView("comune", errorsFor("comune"), "dir-comune-error")}
        </div>
        <div class="field f-near">
          <label for="dir-near">${t("spaceDirectory.near")}</label>
          ${nearFilter.view("dir-near", described("near", "dir-near-hint"), invalid("near"))}
          <small class="hint" id="dir-near-hint">${radius !== null && filters.near === ""
            ? html`<span class="warn-text">${t("spaceDirectory.radiusNeedsNear")}</span>`
            : t("spaceDirectory.nearHint")}</small>
          ${fieldErrorView("near", errorsFor("near"), "dir-near-error")}
        </div>
        <div class="field f-radius">
          <label for="dir-radius">${t("spaceDirectory.radius")}</label>
          <span class="with-unit">
            <input id="dir-radius" type="number" inputmode="numeric" min=${MIN_RADIUS_KM} max=${MAX_RADIUS_KM} step="1"
              data-testid="directory-filter-radius" placeholder=${String(DEFAULT_RADIUS_KM)} .value=${live(radiusText)}
              aria-invalid=${invalid("radiusKm") ? "true" : "false"} aria-describedby=${ifDefined(described("radiusKm"))}
              @input=${(e: InputEvent) => {
                radiusText = (e.target as HTMLInputElement).value;
                const next = parseRadius(radiusText);
                if (next !== filters.radiusKm) change({ radiusKm: next }, true);
              }} />
            <span class="unit" aria-hidden="true">km</span>
          </span>
          ${fieldErrorView("radiusKm", errorsFor("radiusKm"), "dir-radiusKm-error")}
        </div>
        <div class="f-verified">
          <label class="check">
            <input type="checkbox" data-testid="directory-filter-verified" .checked=${live(filters.verified)}
              @change=${(e: Event) => change({ verified: (e.target as HTMLInputElement).checked })} />
            <span>${t("spaceDirectory.verifiedOnly")}</span>
          </label>
          ${hasFilters(filters)
            ? html`<button type="button" class="link" data-testid="directory-reset" @click=${reset}>${t("spaceDirectory.reset")}</button>`
            : nothing}
        </div>
      </div>
    </form>`;
  }

  function totalView(page: SpaceDirectoryPageDto) {
    const text = totalKind(page) === "moreThan" ? t("spaceDirectory.totalMore", { n: page.total }) : tn("spaceDirectory.total", page.total);
    const near = filters.near && nearText ? t("spaceDirectory.withinOf", { km: formatNumber(filters.radiusKm ?? DEFAULT_RADIUS_KM), place: nearText }) : "";
    return html`<p class="directory-summary" aria-live="polite">
      <strong data-testid="directory-total" data-total=${page.total} data-lower-bound=${page.totalIsLowerBound ? "true" : "false"}>${text}</strong>
      ${near ? html`<span class="muted">${near}</span>` : nothing}
    </p>`;
  }

  function pagerView(page: SpaceDirectoryPageDto) {
    const pages = pageCount(page);
    const next = hasNextPage(page);
    if (page.page <= 1 && !next) return nothing;
    return html`<nav class="pager" aria-label=${t("directory.paging")}>
      <button type="button" data-testid="directory-prev" ?disabled=${page.page <= 1 || searching}
        @click=${() => goToPage(page.page - 1)}>${t("directory.previous")}</button>
      <span data-testid="directory-page" data-page=${page.page}>${pages === null
        ? t("spaceDirectory.page", { page: page.page })
        : t("directory.pageOf", { page: page.page, pages })}</span>
      <button type="button" data-testid="directory-next" ?disabled=${!next || searching}
        @click=${() => goToPage(page.page + 1)}>${t("directory.next")}</button>
    </nav>`;
  }

  function resultsView(page: SpaceDirectoryPageDto) {
    if (page.items.length === 0)
      return html`${totalView(page)}<p class="empty small-empty">${hasFilters(filters) ? t("spaceDirectory.noMatch") : t("space.noMembers")}
        ${hasFilters(filters) ? html`<button type="button" class="link" @click=${reset}>${t("spaceDirectory.reset")}</button>` : nothing}</p>`;
    return html`${totalView(page)}
      <ul class="space-members results">
        ${page.items.map(
          (m) => html`<li data-testid="space-member" data-firm-id=${m.id} data-verified=${m.verified ? "true" : "false"}>
            <div class="member-main">
              <span class="member-name"><a href=${href({ name: "business", id: m.id })}>${m.name}</a>
                ${m.verified ? verifiedBadge() : nothing}</span>
              <span class="muted small member-facts">${[
                m.comuneName ? comuneLabel(m.comuneName, m.provinceSigla) : null,
                m.size ? t(`size.${m.size}`) : null,
                tn("directory.capabilities", m.capabilityCount),
              ].filter(Boolean).join(" · ")}</span>
            </div>
            ${m.distanceKm !== null && m.distanceKm !== undefined
              ? html`<span class="distance" data-testid="directory-distance" data-km=${m.distanceKm}
                  title=${t("spaceDirectory.distanceHint", { place: nearText || filters.near })}>${t("spaceDirectory.km", { km: formatNumber(m.distanceKm) })}</span>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${pagerView(page)}`;
  }

  return {
    state: () => state,
    /** Searches with the filters as they are (on opening, and when the space changed). */
    load: () => run(),
    /** The viewer may not see the members (SpaceAccess.CanSeeDirectory): no search is sent. */
    forbid(): void {
      search.cancel();
      searchSoon.cancel();
      searching = false;
      result = null;
      state = "forbidden";
      redraw();
    },
    dispose(): void {
      disposed = true;
      search.cancel();
      searchSoon.cancel();
      describeCpv.cancel();
      cpvBox.dispose();
      comuneFilter.dispose();
      nearFilter.dispose();
    },
    /** The members' card: the members-only notice, or the filters and what they find. */
    view(memberCount: number, titleId: string) {
      headingId = titleId;
      if (state === "forbidden")
        return html`<div data-testid="space-members" data-state="forbidden">
          <div class="members-only" data-testid="space-members-only">
            <p><strong>${t("space.membersOnly")}</strong></p>
            <p class="muted">${tn("space.membersOnlyCount", memberCount)}
              ${currentUser() ? nothing : html`<a href=${href({ name: "login", next: location.hash })}>${t("space.signInToSee")}</a>`}</p>
          </div>
        </div>`;
      const others = otherFieldMessages(errors, filterFields);
      return html`${filtersView()}
        <div data-testid="space-members" data-state=${state} aria-busy=${searching ? "true" : "false"} class="directory-results ${searching && result ? "refreshing" : ""}">
          ${state === "invalid"
            ? html`<p class="alert error" role="alert">${[t("spaceDirectory.invalid"), ...others].join(" ")}</p>`
            : state === "error"
              ? loadErrorView()
              : result === null
                ? loadingView()
                : resultsView(result)}
        </div>`;
    },
  };
}
