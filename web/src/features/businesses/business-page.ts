// #/businesses/{id} — the public page of a business, kept up to date over SignalR.
import { html, nothing, type PropertyValues } from "lit";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { BusinessProfileDto, VerificationDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { formatDate, formatDateTime, localized, t } from "../../i18n";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import type { Page, Redraw } from "../../page";
import { onEndorsementChanged, onShowcaseChanged, watchBusiness, type LiveState } from "../../realtime/hub";
import { href } from "../../router";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { firmAlliances } from "../alliances/alliance-lists";
import { relationshipLedger } from "../alliances/relationship-ledger";
import { currentUser } from "../auth/session";
import "../showcase/showcase-section";
import { sameId } from "../../ids";
import type { Roles } from "../showcase/showcase";
import { businessTenders } from "../tenders/tender-lists";
import { buyerSpaces } from "./buyer-spaces";
import { localityLine, websiteHref } from "./format";
import { mergeLiveUpdate, type ProfileField } from "./live-merge";
import { logoView } from "./logo";
import { blocksSection } from "./blocks-section";
import { membersSection } from "./members-section";
import { qualificationsSection } from "../qualifications/qualifications-section";
import { dgueSection } from "../qualifications/dgue-section";

const HIGHLIGHT_MS = 2500;

/**
 * `<business-page>`: the business `businessId` for the viewer. It loads the profile and the viewer's role, follows the
 * hub's live updates of the profile (highlighting what changed), and keeps what it shows as reactive state.
 */
export class BusinessPage extends LightElement {
  static override properties = {
    businessId: { attribute: false },
    profile: { state: true },
    failure: { state: true },
    live: { state: true },
    highlighted: { state: true },
    verifications: { state: true },
    showcaseRefresh: { state: true },
    viewerRoles: { state: true },
  };

  declare businessId: string;
  /** Called when the business's name (the page's title) may have changed. */
  onTitle: () => void = () => undefined;
  private declare profile: BusinessProfileDto | null;
  private declare failure: "notFound" | "error" | null;
  private declare live: LiveState;
  /** The fields a live update has just changed. */
  private declare highlighted: ReadonlySet<ProfileField>;
  /** The associations that vouch for the firm's size and VAT number; a profile edit can void their mark. */
  private declare verifications: VerificationDto[];
  /**
   * Bumped to reload the showcase projects and endorsements: on ShowcaseChanged (sent to the watchers of the project's
   * firms), on EndorsementChanged for this business and when the live connection is back.
   */
  private declare showcaseRefresh: number;
  /** The viewer's businesses and roles, once known: the showcase shows its own people every project. */
  private declare viewerRoles: Roles;

  #highlightTimer: ReturnType<typeof setTimeout> | undefined;
  #stop: (() => void) | null = null;
  // The parts of the page that are not components yet (other features'); they ask this element to render again.
  /** The business's people and invitations, for those the business shows them to. */
  #members: ReturnType<typeof membersSection> | null = null;
  #blocks: ReturnType<typeof blocksSection> | null = null;
  /** A firm's qualifications, shown to its own people (those it shows its team). */
  #qualifications: ReturnType<typeof qualificationsSection> | null = null;
  /** A firm's DGUE, shown to the same people as its qualifications, whose attestations and figures it points at. */
  #dgue: ReturnType<typeof dgueSection> | null = null;
  /** A buyer's tenders, or a firm's own bids for its people. */
  #tenders!: ReturnType<typeof businessTenders>;
  /** A firm's alliances and invitations, for its people. */
  #alliances!: ReturnType<typeof firmAlliances>;
  /** The firms it has bid with, the lots won together and their value, for its people. */
  #ledger!: ReturnType<typeof relationshipLedger>;
  /** A buyer's spaces (approvals to publish there) and mandates, for its people. */
  #standings!: ReturnType<typeof buyerSpaces>;

  constructor() {
    super();
    this.businessId = "";
    this.profile = null;
    this.failure = null;
    this.live = "connecting";
    this.highlighted = new Set();
    this.verifications = [];
    this.showcaseRefresh = 0;
    this.viewerRoles = new Map();
  }

  get businessName(): string | null {
    return this.profile?.name ?? null;
  }

  readonly #loadVerifications = latestOnly(
    () => api.verifications(this.businessId),
    (list) => (this.verifications = list),
    () => undefined, // Without them the page shows no mark, as for a firm nobody vouches for.
  );

  override connectedCallback(): void {
    super.connectedCallback();
    const id = this.businessId;
    const render: Redraw = () => this.requestUpdate();
    this.#tenders = businessTenders(id, render);
    this.#alliances = firmAlliances(id, render);
    this.#ledger = relationshipLedger(id, render);
    this.#standings = buyerSpaces(id, render);
    const unlistenShowcase = onShowcaseChanged(() => this.showcaseRefresh++);
    const unlistenEndorsements = onEndorsementChanged((change) => {
      if (sameId(change.endorsedId, id)) this.showcaseRefresh++;
    });
    void this.#load();
    const unwatch = watchBusiness(id, {
      // A live update is the public copy: a reader who sees the contact details fetches the profile instead.
      changed: (incoming) =>
        incoming.contactsHidden && this.profile && !this.profile.contactsHidden ? void this.#load() : this.#show(incoming),
      state: (state) => {
        this.live = state;
        // Updates sent while we were not in the group are lost; fetch once we are (back) in it.
        if (state === "connected") {
          void this.#load();
          this.showcaseRefresh++;
          this.#tenders.reload();
        }
      },
    });
    if (currentUser()) void this.#loadRole();
    this.#stop = () => {
      unwatch();
      unlistenShowcase();
      unlistenEndorsements();
      this.#tenders.dispose();
      this.#alliances.dispose();
      this.#ledger.dispose();
      this.#standings.dispose();
      this.#loadVerifications.cancel();
      clearTimeout(this.#highlightTimer);
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
    this.#blocks?.dispose();
    this.#blocks = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("profile" as keyof BusinessPage)) this.onTitle();
  }

  #show(incoming: BusinessProfileDto): void {
    const merged = mergeLiveUpdate(this.profile, incoming);
    if (!merged) return;
    // The mark holds for the size and VAT number the association checked: ask again whenever the profile changes.
    if (this.profile !== null) {
      this.#loadVerifications();
      this.#qualifications?.refresh();
      this.#dgue?.refresh();
    }
    this.profile = merged.profile;
    this.#tenders.setKind(merged.profile.kind);
    this.#alliances.setProfile(merged.profile);
    this.#ledger.setProfile(merged.profile);
    this.#standings.setKind(merged.profile.kind);
    this.#tenders.setActions(merged.profile.actions);
    this.#showMembers(merged.profile);
    this.failure = null;
    if (merged.changed.length > 0) {
      this.highlighted = new Set(merged.changed);
      clearTimeout(this.#highlightTimer);
      this.#highlightTimer = setTimeout(() => (this.highlighted = new Set()), HIGHLIGHT_MS);
    }
  }

  async #load(): Promise<void> {
    this.#loadVerifications();
    try {
      this.#show(await api.business(this.businessId));
    } catch (error) {
      // A failed background refresh leaves the shown profile alone.
      if (this.profile !== null) return;
      this.failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    }
  }

  async #loadRole(): Promise<void> {
    let mine;
    try {
      mine = await api.myBusinesses();
    } catch {
      return; // Without the role the page is just the public view.
    }
    if (!this.#stop) return;
    const id = this.businessId;
    const role = mine.find((b) => b.id.toLowerCase() === id)?.role ?? null;
    this.viewerRoles = new Map(mine.map((b) => [b.id.toLowerCase(), b.role]));
    this.#tenders.setRole(role);
    this.#alliances.setRole(role);
    this.#ledger.setRole(role);
    this.#standings.setRole(role);
  }

  /** The team section, made once the business shows the viewer its people, and dropped if it no longer does. */
  #showMembers(profile: BusinessProfileDto): void {
    if (!allows(profile.actions, "SeeMembers")) this.#members = null;
    else this.#members ??= membersSection(this.businessId, () => this.profile?.actions ?? profile.actions, () => this.requestUpdate());
    // A firm's Owners and Managers (who see its invitations) keep its list of blocked firms.
    if (profile.kind !== "Firm" || !allows(profile.actions, "SeeInvitations")) {
      this.#blocks?.dispose();
      this.#blocks = null;
    } else this.#blocks ??= blocksSection(this.businessId, () => this.requestUpdate());
    if (profile.kind !== "Firm" || !allows(profile.actions, "SeeMembers")) {
      this.#qualifications = null;
      this.#dgue = null;
    } else {
      this.#qualifications ??= qualificationsSection(this.businessId, () => this.requestUpdate());
      this.#dgue ??= dgueSection(this.businessId, () => this.requestUpdate());
    }
  }

  #mark(field: ProfileField): string {
    return this.highlighted.has(field) ? "changed" : "";
  }

  #profileView(p: BusinessProfileDto) {
    const id = this.businessId;
    const mark = (field: ProfileField) => this.#mark(field);
    const none = html`<span class="muted">${t("business.notGiven")}</span>`;
    const optional = (field: ProfileField, label: string, value: unknown) =>
      value ? html`<div class=${mark(field)}><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
    const website = p.website ? websiteHref(p.website) : null;
    const verifications = this.verifications;
    return html`
      <article class="profile">
        <header class="profile-head">
          <div>
            <span class=${mark("logo")}>${logoView(p.name, p.logo, "large")}</span>
            <h1 data-testid="business-name" class=${mark("name")}>${p.name}</h1>
            <p class="badges">
              <span class="badge kind-${p.kind.toLowerCase()} ${mark("kind")}">${t(`kind.${p.kind}`)}</span>
              ${p.size ? html`<span class="badge ${mark("size")}">${t(`size.${p.size}`)}</span>` : nothing}
            </p>
            ${verifications.length
              ? html`<p class="verified-marks" data-testid="business-verified" data-count=${verifications.length}>
                  ${verifications.map(
                    (v) => html`<a class="verified-mark" href=${href({ name: "space", id: v.spaceId })} data-space-id=${v.spaceId}
                      title=${t("business.verifiedHint", { association: v.associationName, space: v.spaceName, when: formatDate(v.vouchedAt) })}>
                      <span class="check" aria-hidden="true">✓</span>${t("business.verifiedBy", { association: v.associationName })}</a>`,
                  )}
                </p>`
              : nothing}
          </div>
          <div class="head-tools">
            <span class="live" data-testid="live-status" data-state=${this.live} title=${t("live.hint")}>
              <span class="dot" aria-hidden="true"></span>${t(`live.${this.live}`)}
            </span>
            ${allows(p.actions, "Edit")
              ? html`<a class="button" data-testid="edit-link" href=${href({ name: "editBusiness", id })}>${t("business.edit")}</a>`
              : nothing}
          </div>
        </header>

        <div class="profile-grid">
          <section class="card">
            <h2>${t("business.about")}</h2>
            <p class="description ${mark("description")}" data-testid="business-description">${p.description ?? none}</p>
            <h3>${t("business.tags")}</h3>
            <p class=${mark("tags")}>
              ${p.tags.length ? p.tags.map((tag) => html`<span class="chip">${tag}</span>`) : none}
            </p>
          </section>

          <section class="card">
            <h2>${t("business.capabilities")}</h2>
            <ul class="capabilities ${mark("capabilities")}" data-testid="business-capabilities">
              ${p.capabilities.length
                ? p.capabilities.map(
                    (c) => html`<li><code>${c.code}</code> <span>${localized(c.labelIt, c.labelEn)}</span></li>`,
                  )
                : html`<li>${none}</li>`}
            </ul>
          </section>

          <section class="card">
            <h2>${t("business.details")}</h2>
            <dl class="facts">
              <div class=${mark("locality")}>
                <dt>${t("business.locality")}</dt>
                <dd data-testid="business-locality">${p.locality ? localityLine(p.locality) : none}</dd>
              </div>
              ${optional("address", t("business.address"), p.address)}
              ${optional("vatNumber", t("business.vatNumber"), p.vatNumber)}
              ${optional("taxCode", t("business.taxCode"), p.taxCode)}
              ${optional("website", t("business.website"), p.website && (website
                ? html`<a href=${website} target="_blank" rel="noopener noreferrer">${p.website}</a>`
                : p.website))}
              ${optional("contactEmail", t("business.contactEmail"), p.contactEmail &&
                html`<a href="mailto:${p.contactEmail}">${p.contactEmail}</a>`)}
              ${optional("contactPhone", t("business.contactPhone"), p.contactPhone &&
                html`<a href="tel:${p.contactPhone.replace(/[^\d+]/g, "")}">${p.contactPhone}</a>`)}
              ${p.contactsHidden
                ? html`<div><dt>${t("business.contacts")}</dt>
                    <dd class="muted" data-testid="business-contacts-hidden">${t("business.contactsHidden")}</dd></div>`
                : nothing}
            </dl>
            <p class="muted small">${t("business.updatedAt", { when: formatDateTime(p.updatedAt) })}</p>
          </section>
        </div>
        ${p.kind === "Firm" && currentUser()
          ? html`<div class="report-firm" data-testid="firm-report"><report-form .subject=${"Firm"} .subjectId=${id} .aboutFirmId=${id}></report-form></div>`
          : nothing}
        ${this.#tenders.view()}
        ${this.#standings.view()}
        ${this.#alliances.view()}
        ${this.#ledger.view()}
        <business-showcase .businessId=${id} .roles=${this.viewerRoles} .refresh=${this.showcaseRefresh}></business-showcase>
        ${this.#qualifications?.view() ?? nothing} ${this.#dgue?.view() ?? nothing}
        ${this.#members?.view() ?? nothing} ${this.#blocks?.view() ?? nothing}
      </article>
    `;
  }

  protected override render() {
    return this.failure === "notFound"
      ? notFoundView(t("business.notFound"))
      : this.failure === "error"
        ? loadErrorView()
        : this.profile
          ? this.#profileView(this.profile)
          : loadingView();
  }
}

customElements.define("business-page", BusinessPage);

declare global {
  interface HTMLElementTagNameMap {
    "business-page": BusinessPage;
  }
}

/** The route's page: the business's element, made once for this visit; the title follows the business's name. */
export function businessPage(id: string, redraw: Redraw): Page {
  const element = document.createElement("business-page");
  element.businessId = id;
  element.onTitle = redraw;
  return {
    title: () => element.businessName ?? t("business.title"),
    view: () => html`${element}`,
  };
}
