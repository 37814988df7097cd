// In the admin area's "Gare esterne": addresses of OCDS release packages (an ANAC or regional open-data URL) that the
// server fetches on a schedule and imports exactly as an uploaded file. Each feed shows when it was last fetched and
// what that did (the same report as an upload), when it is fetched next, and can be fetched now or removed.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { FeedFetchDto, ImportFeedDto } from "../../api/types";
import { describeFieldError, fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatDateTime, t, type MessageKey } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { AdminSectionElement } from "./admin-section";
import { importErrorsView, importResultView } from "./import-report";

/** The periods offered, in hours (the server takes 1 to 168). */
const PERIODS = [1, 6, 24, 168] as const;

const periodKey = (hours: number): MessageKey =>
  (PERIODS as readonly number[]).includes(hours) ? (`admin.feeds.every.${hours}` as MessageKey) : "admin.feeds.everyHours";

export class AdminFeeds extends AdminSectionElement {
  static override properties = {
    feeds: { state: true },
    url: { state: true },
    period: { state: true },
    errors: { state: true },
    working: { state: true },
  };

  private declare feeds: ImportFeedDto[] | null;
  private declare url: string;
  private declare period: number;
  private declare errors: FieldErrors;
  /** The feed being fetched or removed at the admin's request (its buttons wait). */
  private declare working: string | null;

  constructor() {
    super();
    this.feeds = null;
    this.url = "";
    this.period = 24;
    this.errors = {};
    this.working = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.feeds = await api.importFeeds(this.ctx.spaceId);
    } catch (error) {
      this.action.say(false, () => describeRefusal(error));
    }
  }

  #add(event: SubmitEvent): void {
    event.preventDefault();
    void this.action.exclusive(async () => {
      this.errors = {};
      this.action.feedback = null;
      try {
        const feed = await api.addImportFeed(this.ctx.spaceId, { url: this.url.trim(), periodHours: this.period });
        this.feeds = [...(this.feeds ?? []), feed];
        this.url = "";
        this.action.say(true, () => t("admin.feeds.added"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.errors = error.errors;
        else this.action.say(false, () => describeRefusal(error));
      }
    });
  }

  async #act(feed: ImportFeedDto, work: () => Promise<ImportFeedDto | null>): Promise<void> {
    if (this.working) return;
    this.working = feed.id;
    this.action.feedback = null;
    try {
      const changed = await work();
      this.feeds = changed
        ? (this.feeds ?? []).map((f) => (f.id === changed.id ? changed : f))
        : (this.feeds ?? []).filter((f) => f.id !== feed.id);
    } catch (error) {
      this.action.say(false, () => describeRefusal(error));
      await this.#load();
    } finally {
      this.working = null;
    }
  }

  #fetch(feed: ImportFeedDto): void {
    void this.#act(feed, () => api.fetchImportFeed(this.ctx.spaceId, feed.id));
  }

  #remove(feed: ImportFeedDto): void {
    void this.#act(feed, async () => {
      await api.removeImportFeed(this.ctx.spaceId, feed.id);
      return null;
    });
  }

  #lastView(last: FeedFetchDto) {
    const when = t("admin.feeds.lastAt", { when: formatDateTime(last.at) });
    switch (last.outcome) {
      case "Imported":
        return html`<div class="feed-last" data-outcome="Imported"><p class="muted small">${when}</p>${importResultView(last.result!, "feed", false)}</div>`;
      case "Refused":
        return html`<div class="feed-last" data-outcome="Refused"><p class="muted small">${when}</p>${importErrorsView(last.errors ?? {}, "feed", false)}</div>`;
      default:
        return html`<div class="feed-last" data-outcome="Failed"><p class="muted small">${when}</p>
          <p class="status error" data-testid="feed-failure">${t("admin.feeds.failed", {
            why: last.failure ? describeFieldError([last.failure]).join(" ") : "",
          })}</p></div>`;
    }
  }

  #feedView(feed: ImportFeedDto) {
    const busy = this.working === feed.id;
    return html`<li class="admin-item feed" data-testid="feed" data-url=${feed.url}>
      <div class="item-main">
        <div class="item-head"><code class="feed-url">${feed.url}</code>
          <span class="badge">${t(periodKey(feed.periodHours), { n: feed.periodHours })}</span></div>
        ${busy || feed.fetching
          ? html`<p class="muted small" role="status" data-testid="feed-fetching">${t("admin.feeds.fetching")}</p>`
          : feed.last
            ? this.#lastView(feed.last)
            : html`<p class="muted small">${t("admin.feeds.never")}</p>`}
        <p class="muted small" data-testid="feed-next">${t("admin.feeds.next", { when: formatDateTime(feed.nextFetchAt) })}</p>
      </div>
      <div class="item-actions">
        <button type="button" data-testid="feed-fetch" ?disabled=${this.working !== null} @click=${() => this.#fetch(feed)}>${t("admin.feeds.fetch")}</button>
        <button type="button" class="danger" data-testid="feed-remove" ?disabled=${this.working !== null}
          @click=${() => this.#remove(feed)}>${t("admin.feeds.remove")}</button>
      </div>
    </li>`;
  }

  protected override render() {
    const busy = this.action.busy;
    const urlErrors = fieldMessages(this.errors, "url");
    const periodErrors = fieldMessages(this.errors, "periodHours");
    const others = otherFieldMessages(this.errors, ["url", "periodHours"]);
    return html`<div class="admin-feeds" data-testid="admin-feeds">
      <h4>${t("admin.feeds.title")}</h4>
      <p class="muted small">${t("admin.feeds.intro")}</p>
      <form class="row feed-form" @submit=${(e: SubmitEvent) => this.#add(e)} novalidate>
        <div class="field grow">
          <label for="feed-url">${t("admin.feeds.url")}</label>
          <input id="feed-url" type="url" inputmode="url" autocomplete="off" data-testid="feed-url" placeholder="https://"
            .value=${this.url} ?disabled=${busy} aria-invalid=${urlErrors.length ? "true" : "false"}
            aria-describedby=${urlErrors.length ? "feed-url-error" : nothing}
            @input=${(e: InputEvent) => (this.url = (e.target as HTMLInputElement).value)} />
          ${urlErrors.length ? html`<p class="field-error" id="feed-url-error" data-testid="feed-url-error">${urlErrors.join(" ")}</p>` : nothing}
        </div>
        <div class="field">
          <label for="feed-period">${t("admin.feeds.period")}</label>
          <select id="feed-period" data-testid="feed-period" ?disabled=${busy}
            @change=${(e: Event) => (this.period = Number((e.target as HTMLSelectElement).value))}>
            ${PERIODS.map((h) => html`<option value=${h} ?selected=${h === this.period}>${t(periodKey(h), { n: h })}</option>`)}
          </select>
          ${periodErrors.length ? html`<p class="field-error">${periodErrors.join(" ")}</p>` : nothing}
        </div>
        <button class="primary" type="submit" data-testid="feed-add" ?disabled=${busy || this.url.trim() === ""}>
          ${busy ? t("admin.feeds.adding") : t("admin.feeds.add")}</button>
      </form>
      ${others.length ? html`<p class="status error">${others.join(" ")}</p>` : nothing}
      ${this.feedbackView("opportunities")}
      ${this.feeds === null
        ? nothing
        : this.feeds.length === 0
          ? html`<p class="muted small" data-testid="feeds-empty">${t("admin.feeds.empty")}</p>`
          : html`<ul class="admin-list" data-testid="feeds">${this.feeds.map((f) => this.#feedView(f))}</ul>`}
    </div>`;
  }
}

customElements.define("admin-feeds", AdminFeeds);
