// On a space's page: the search over its member firms (GET /api/spaces/{id}/directory) by words, CPV code,
// place (comune, province, region, or within N km of a comune), size and the association's verified mark. The
// filters live in the address (#/spaces/{id}?cpv=45&near=037006), so that a search can be shared and survives a
// reload; typing is debounced, and only the answer to the latest search is shown.
import { logoView } from "../businesses/logo";
import { html, nothing, type PropertyValues } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { CapabilityDto, ComuneDto, SpaceDirectoryPageDto } from "../../api/types";
import { debounce } from "../../debounce";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatNumber, localized, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
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

type DirectoryState = "loading" | "forbidden" | "error" | "invalid" | "ok";

const TYPING_MS = 300;
const regions = [...new Set(provinces.map((p) => p.region))].sort((a, b) => a.localeCompare(b, "it"));
const provincesByName = [...provinces].sort((a, b) => a.name.localeCompare(b.name, "it"));

/**
 * `<space-directory>`: the members' card of a space's page — the members-only notice, or the filters and what they
 * find. The page says which space, how many members it has, whether the viewer may see them, and bumps `refresh`
 * whenever the members may have changed.
 */
export class SpaceDirectory extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    memberCount: { attribute: false },
    /** The viewer may not see the members (SpaceAccess.CanSeeDirectory): no search is sent. */
    forbidden: { attribute: false },
    refresh: { attribute: false },
    filters: { state: true },
    result: { state: true },
    status: { state: true },
    searching: { state: true },
    errors: { state: true },
    radiusText: { state: true },
    cpvLabel: { state: true },
    comuneText: { state: true },
    nearText: { state: true },
  };

  declare spaceId: string;
  declare memberCount: number;
  declare forbidden: boolean;
  declare refresh: number;
  private declare filters: DirectoryFilters;
  private declare result: SpaceDirectoryPageDto | null;
  private declare status: DirectoryState;
  /** A search is on its way: the results shown are the previous search's. */
  private declare searching: boolean;
  /** About the filters of the last search. */
  private declare errors: FieldErrors;
  private declare radiusText: string;
  /** The label of the CPV code filtered on, once known. */
  private declare cpvLabel: { prefix: string; labelIt: string; labelEn: string } | null;
  /** What the comune boxes show for the comune chosen, to tell a choice from a new search typed over it. */
  private declare comuneText: string;
  private declare nearText: string;

  constructor() {
    super();
    this.spaceId = "";
    this.memberCount = 0;
    this.forbidden = false;
    this.refresh = 0;
    this.filters = filtersFromQuery(hashQuery(location.hash));
    this.result = null;
    this.status = "loading";
    this.searching = false;
    this.errors = {};
    this.radiusText = "";
    this.cpvLabel = null;
    this.comuneText = "";
    this.nearText = "";
    this.fillTexts();
  }

  private readonly search = latestOnly(
    (f: DirectoryFilters) => api.spaceDirectory(this.spaceId, apiQuery(f)),
    (page) => {
      this.result = page;
      this.status = "ok";
      this.errors = {};
      this.searching = false;
    },
    (error) => {
      this.searching = false;
      if (error instanceof ApiError && error.status === 403) {
        this.status = "forbidden";
        this.result = null;
      } else if (error instanceof ApiError && error.status === 400) {
        this.status = "invalid";
        this.errors = error.errors;
        this.result = null;
      } else if (this.result === null) this.status = "error"; // A failed refresh keeps the results shown.
    },
  );
  private readonly searchSoon = debounce(() => this.run(), TYPING_MS);

  private readonly describeCpv = latestOnly(
    (prefix: string) => api.searchCpv(prefix, 1).then((found) => ({ prefix, found })),
    ({ prefix, found }) => {
      const entry = found.find((c) => c.code.replace("-", "").startsWith(prefix));
      this.cpvLabel = entry ? { prefix, labelIt: entry.labelIt, labelEn: entry.labelEn } : null;
    },
    () => (this.cpvLabel = null),
  );

  /** The pickers keep their own state (text, options); they ask this element to render them again. */
  private readonly renderPicker = () => this.requestUpdate();

  private readonly cpvBox = typeahead<CapabilityDto>(
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
        this.cpvLabel = { prefix: cpvPrefix(digits) ?? digits, labelIt: c.labelIt, labelEn: c.labelEn };
        this.change({ cpv: digits });
        this.labelCpv();
      },
      onText: (text) => {
        const code = cpvFromText(text);
        // Words look for a code by its name: no code filter until one is picked from the list.
        const next = code ?? "";
        if (next !== this.filters.cpv) {
          this.change({ cpv: next }, true);
          this.labelCpv();
        }
      },
    },
    this.renderPicker,
  );

  private readonly comuneFilter = this.comuneBox("comune", "directory-filter-comune");
  private readonly nearFilter = this.comuneBox("near", "directory-filter-near");

  /** A comune filter: a name picked from the list, or an ISTAT code typed in; editing the name drops the choice. */
  private comuneBox(field: "comune" | "near", testid: string) {
    const shown = () => (field === "comune" ? this.comuneText : this.nearText);
    const remember = (text: string) => (field === "comune" ? (this.comuneText = text) : (this.nearText = text));
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
          this.change(set(c.code));
        },
        onText: (text) => {
          if (isComuneCode(text)) {
            remember(text.trim());
            this.change(set(text.trim()), true);
          } else if (this.filters[field] !== "" && text !== shown()) {
            remember("");
            this.change(set(""), true);
          }
        },
      },
      this.renderPicker,
    );
  }

  /** The page changed what the viewer may see, or the members may have changed: search again, or say why not. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has("forbidden") && !changed.has("refresh")) return;
    if (this.forbidden) this.forbid();
    else this.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.search.cancel();
    this.searchSoon.cancel();
    this.describeCpv.cancel();
    this.cpvBox.dispose();
    this.comuneFilter.dispose();
    this.nearFilter.dispose();
  }

  private forbid(): void {
    this.search.cancel();
    this.searchSoon.cancel();
    this.searching = false;
    this.result = null;
    this.status = "forbidden";
  }

  private labelCpv(): void {
    const prefix = cpvPrefix(this.filters.cpv);
    if (prefix === null) {
      this.describeCpv.cancel();
      this.cpvLabel = null;
    } else if (this.cpvLabel?.prefix !== prefix) this.describeCpv(prefix);
  }

  private run(): void {
    this.searchSoon.cancel();
    this.searching = true;
    this.search(this.filters);
  }

  /** Keeps the search in the address without a new history entry or a new page (replaceState fires no hashchange). */
  private writeAddress(): void {
    if (!this.isConnected) return;
    const route = parseRoute(location.hash);
    if (route.name !== "space" || route.id !== this.spaceId.toLowerCase()) return;
    const hash = spaceHash(route.id, this.filters, route.tab);
    if (location.hash !== hash) history.replaceState(history.state, "", hash);
  }

  /** A filter changed: back to page 1; typing waits for a pause, a choice searches at once. */
  private change(patch: Partial<DirectoryFilters>, typing = false): void {
    this.filters = { ...this.filters, ...patch, page: 1 };
    this.writeAddress();
    if (typing) this.searchSoon();
    else this.run();
  }

  private goToPage(page: number): void {
    this.filters = { ...this.filters, page };
    this.writeAddress();
    this.run();
    this.querySelector("#space-members-title")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /** The boxes' texts for filters read from the address: the code at once, the comune's name once known. */
  private fillTexts(): void {
    const filters = this.filters;
    this.cpvBox.setText(filters.cpv);
    this.labelCpv();
    this.comuneText = filters.comune;
    this.nearText = filters.near;
    this.comuneFilter.setText(filters.comune);
    this.nearFilter.setText(filters.near);
    this.radiusText = filters.radiusKm === null ? "" : String(filters.radiusKm);
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
        if (comune && this.comuneFilter.text() === filters.comune) this.comuneFilter.setText((this.comuneText = comune));
        if (near && this.nearFilter.text() === filters.near) this.nearFilter.setText((this.nearText = near));
      },
      () => undefined, // The codes stay in the boxes.
    );
  }

  private readonly reset = (): void => {
    this.filters = emptyFilters();
    this.fillTexts();
    this.writeAddress();
    this.run();
  };

  private errorsFor(field: string): string[] {
    return fieldMessages(this.errors, field);
  }

  protected override render() {
    const forbidden = this.status === "forbidden";
    return html`<section class="card space-directory" id="space-directory" aria-labelledby="space-members-title">
      <div class="section-head">
        <h2 id="space-members-title">${t("space.members")} <span class="count">${this.memberCount}</span></h2>
        ${forbidden ? nothing : html`<span class="muted small">${t("spaceDirectory.intro")}</span>`}
      </div>
      ${forbidden ? this.membersOnlyView() : this.searchView()}
    </section>`;
  }

  private membersOnlyView() {
    return html`<div data-testid="space-members" data-state="forbidden">
      <div class="members-only" data-testid="space-members-only">
        <p><strong>${t("space.membersOnly")}</strong></p>
        <p class="muted">${tn("space.membersOnlyCount", this.memberCount)}
          ${currentUser() ? nothing : html`<a href=${href({ name: "login", next: location.hash })}>${t("space.signInToSee")}</a>`}</p>
      </div>
    </div>`;
  }

  private searchView() {
    const others = otherFieldMessages(this.errors, filterFields);
    return html`${this.filtersView()}
      <div data-testid="space-members" data-state=${this.status} aria-busy=${this.searching ? "true" : "false"}
        class="directory-results ${this.searching && this.result ? "refreshing" : ""}">
        ${this.status === "invalid"
          ? html`<p class="alert error" role="alert">${[t("spaceDirectory.invalid"), ...others].join(" ")}</p>`
          : this.status === "error"
            ? loadErrorView()
            : this.result === null
              ? loadingView()
              : this.resultsView(this.result)}
      </div>`;
  }

  private filtersView() {
    const described = (field: string, hint?: string) => {
      const ids = [this.errorsFor(field).length ? `dir-${field}-error` : null, hint ?? null].filter(Boolean);
      return ids.length ? ids.join(" ") : undefined;
    };
    const invalid = (field: string) => this.errorsFor(field).length > 0;
    const radius = parseRadius(this.radiusText);
    const prefix = cpvPrefix(this.filters.cpv);
    return html`<form class="directory-filters" role="search" aria-label=${t("spaceDirectory.searchLabel")} novalidate
      @submit=${(e: SubmitEvent) => { e.preventDefault(); this.run(); }}>
      <div class="filter-grid">
        <div class="field f-words">
          <label for="dir-words">${t("spaceDirectory.words")}</label>
          <input id="dir-words" type="search" data-testid="directory-search-words" autocomplete="off"
            placeholder=${t("spaceDirectory.wordsPlaceholder")} .value=${live(this.filters.q)}
            @input=${(e: InputEvent) => this.change({ q: (e.target as HTMLInputElement).value }, true)} />
        </div>
        <div class="field f-cpv">
          <label for="dir-cpv">${t("spaceDirectory.cpv")}</label>
          ${this.cpvBox.view("dir-cpv", described("cpv", "dir-cpv-hint"), invalid("cpv"))}
          <small class="hint" id="dir-cpv-hint">${prefix && this.cpvLabel?.prefix === prefix
            ? html`<span class="chosen" data-testid="directory-cpv-chosen">${t("spaceDirectory.cpvChosen", { prefix, label: localized(this.cpvLabel.labelIt, this.cpvLabel.labelEn) })}</span>`
            : t("spaceDirectory.cpvHint")}</small>
          ${fieldErrorView("cpv", this.errorsFor("cpv"), "dir-cpv-error")}
        </div>
        <div class="field f-size">
          <label for="dir-size">${t("spaceDirectory.size")}</label>
          <select id="dir-size" data-testid="directory-filter-size" aria-invalid=${invalid("size") ? "true" : "false"}
            aria-describedby=${ifDefined(described("size"))}
            @change=${(e: Event) => this.change({ size: (e.target as HTMLSelectElement).value as DirectoryFilters["size"] })}>
            <option value="" ?selected=${this.filters.size === ""}>${t("spaceDirectory.anySize")}</option>
            ${sizes.map((size) => html`<option value=${size} ?selected=${this.filters.size === size}>${t(`size.${size}`)}</option>`)}
          </select>
          ${fieldErrorView("size", this.errorsFor("size"), "dir-size-error")}
        </div>
        <div class="field f-province">
          <label for="dir-province">${t("spaceDirectory.province")}</label>
          <select id="dir-province" data-testid="directory-filter-province" aria-invalid=${invalid("province") ? "true" : "false"}
            aria-describedby=${ifDefined(described("province"))}
            @change=${(e: Event) => this.change({ province: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.filters.province === ""}>${t("spaceDirectory.anyProvince")}</option>
            ${this.filters.province && !provinces.some((p) => p.sigla === this.filters.province)
              ? html`<option value=${this.filters.province} selected>${this.filters.province}</option>`
              : nothing}
            ${provincesByName.map((p) => html`<option value=${p.sigla} ?selected=${this.filters.province === p.sigla}>${p.name} (${p.sigla})</option>`)}
          </select>
          ${fieldErrorView("province", this.errorsFor("province"), "dir-province-error")}
        </div>
        <div class="field f-region">
          <label for="dir-region">${t("spaceDirectory.region")}</label>
          <select id="dir-region" data-testid="directory-filter-region" aria-invalid=${invalid("region") ? "true" : "false"}
            aria-describedby=${ifDefined(described("region"))}
            @change=${(e: Event) => this.change({ region: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.filters.region === ""}>${t("spaceDirectory.anyRegion")}</option>
            ${this.filters.region && !regions.includes(this.filters.region)
              ? html`<option value=${this.filters.region} selected>${this.filters.region}</option>`
              : nothing}
            ${regions.map((r) => html`<option value=${r} ?selected=${this.filters.region === r}>${r}</option>`)}
          </select>
          ${fieldErrorView("region", this.errorsFor("region"), "dir-region-error")}
        </div>
        <div class="field f-comune">
          <label for="dir-comune">${t("spaceDirectory.comune")}</label>
          ${this.comuneFilter.view("dir-comune", described("comune"), invalid("comune"))}
          ${fieldErrorView("comune", this.errorsFor("comune"), "dir-comune-error")}
        </div>
        <div class="field f-near">
          <label for="dir-near">${t("spaceDirectory.near")}</label>
          ${this.nearFilter.view("dir-near", described("near", "dir-near-hint"), invalid("near"))}
          <small class="hint" id="dir-near-hint">${radius !== null && this.filters.near === ""
            ? html`<span class="warn-text">${t("spaceDirectory.radiusNeedsNear")}</span>`
            : t("spaceDirectory.nearHint")}</small>
          ${fieldErrorView("near", this.errorsFor("near"), "dir-near-error")}
        </div>
        <div class="field f-radius">
          <label for="dir-radius">${t("spaceDirectory.radius")}</label>
          <span class="with-unit">
            <input id="dir-radius" type="number" inputmode="numeric" min=${MIN_RADIUS_KM} max=${MAX_RADIUS_KM} step="1"
              data-testid="directory-filter-radius" placeholder=${String(DEFAULT_RADIUS_KM)} .value=${live(this.radiusText)}
              aria-invalid=${invalid("radiusKm") ? "true" : "false"} aria-describedby=${ifDefined(described("radiusKm"))}
              @input=${(e: InputEvent) => {
                this.radiusText = (e.target as HTMLInputElement).value;
                const next = parseRadius(this.radiusText);
                if (next !== this.filters.radiusKm) this.change({ radiusKm: next }, true);
              }} />
            <span class="unit" aria-hidden="true">km</span>
          </span>
          ${fieldErrorView("radiusKm", this.errorsFor("radiusKm"), "dir-radiusKm-error")}
        </div>
        <div class="f-verified">
          <label class="check">
            <input type="checkbox" data-testid="directory-filter-verified" .checked=${live(this.filters.verified)}
              @change=${(e: Event) => this.change({ verified: (e.target as HTMLInputElement).checked })} />
            <span>${t("spaceDirectory.verifiedOnly")}</span>
          </label>
          ${hasFilters(this.filters)
            ? html`<button type="button" class="link" data-testid="directory-reset" @click=${this.reset}>${t("spaceDirectory.reset")}</button>`
            : nothing}
        </div>
      </div>
    </form>`;
  }

  private totalView(page: SpaceDirectoryPageDto) {
    const text = totalKind(page) === "moreThan" ? t("spaceDirectory.totalMore", { n: page.total }) : tn("spaceDirectory.total", page.total);
    const near = this.filters.near && this.nearText ? t("spaceDirectory.withinOf", { km: formatNumber(this.filters.radiusKm ?? DEFAULT_RADIUS_KM), place: this.nearText }) : "";
    return html`<p class="directory-summary" aria-live="polite">
      <strong data-testid="directory-total" data-total=${page.total} data-lower-bound=${page.totalIsLowerBound ? "true" : "false"}>${text}</strong>
      ${near ? html`<span class="muted">${near}</span>` : nothing}
    </p>`;
  }

  private pagerView(page: SpaceDirectoryPageDto) {
    const pages = pageCount(page);
    const next = hasNextPage(page);
    if (page.page <= 1 && !next) return nothing;
    return html`<nav class="pager" aria-label=${t("directory.paging")}>
      <button type="button" data-testid="directory-prev" ?disabled=${page.page <= 1 || this.searching}
        @click=${() => this.goToPage(page.page - 1)}>${t("directory.previous")}</button>
      <span data-testid="directory-page" data-page=${page.page}>${pages === null
        ? t("spaceDirectory.page", { page: page.page })
        : t("directory.pageOf", { page: page.page, pages })}</span>
      <button type="button" data-testid="directory-next" ?disabled=${!next || this.searching}
        @click=${() => this.goToPage(page.page + 1)}>${t("directory.next")}</button>
    </nav>`;
  }

  private resultsView(page: SpaceDirectoryPageDto) {
    if (page.items.length === 0)
      return html`${this.totalView(page)}<p class="empty small-empty">${hasFilters(this.filters) ? t("spaceDirectory.noMatch") : t("space.noMembers")}
        ${hasFilters(this.filters) ? html`<button type="button" class="link" @click=${this.reset}>${t("spaceDirectory.reset")}</button>` : nothing}</p>`;
    return html`${this.totalView(page)}
      <ul class="space-members results">
        ${page.items.map(
          (m) => html`<li data-testid="space-member" data-firm-id=${m.id} data-verified=${m.verified ? "true" : "false"}>
            <div class="member-main">
              <span class="member-name">${logoView(m.name, m.logo)}<a href=${href({ name: "business", id: m.id })}>${m.name}</a>
                ${m.verified ? verifiedBadge() : nothing}</span>
              <span class="muted small member-facts">${[
                m.comuneName ? comuneLabel(m.comuneName, m.provinceSigla) : null,
                m.size ? t(`size.${m.size}`) : null,
                tn("directory.capabilities", m.capabilityCount),
              ].filter(Boolean).join(" · ")}</span>
            </div>
            ${m.distanceKm !== null && m.distanceKm !== undefined
              ? html`<span class="distance" data-testid="directory-distance" data-km=${m.distanceKm}
                  title=${t("spaceDirectory.distanceHint", { place: this.nearText || this.filters.near })}>${t("spaceDirectory.km", { km: formatNumber(m.distanceKm) })}</span>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${this.pagerView(page)}`;
  }
}

customElements.define("space-directory", SpaceDirectory);

declare global {
  interface HTMLElementTagNameMap {
    "space-directory": SpaceDirectory;
  }
}
