// #/businesses/{id} — the public page of a business, kept up to date over SignalR.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { BusinessProfileDto, MemberRole, VerificationDto } from "../../api/types";
import { formatDate, formatDateTime, localized, t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { onShowcaseChanged, watchBusiness, type LiveState } from "../../realtime/hub";
import { href } from "../../router";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { firmAlliances } from "../alliances/alliance-lists";
import { relationshipLedger } from "../alliances/relationship-ledger";
import { currentUser } from "../auth/session";
import "../showcase/showcase-section";
import type { Roles } from "../showcase/showcase";
import { businessTenders } from "../tenders/tender-lists";
import { buyerSpaces } from "./buyer-spaces";
import { localityLine, websiteHref } from "./format";
import { mergeLiveUpdate, type ProfileField } from "./live-merge";
import { membersSection } from "./members-section";
import { canManage } from "./roles";

const HIGHLIGHT_MS = 2500;

export function businessPage(id: string, redraw: Redraw): Page {
  let profile: BusinessProfileDto | null = null;
  let failure: "notFound" | "error" | null = null;
  let live: LiveState = "connecting";
  let role: MemberRole | null = null;
  let members: ReturnType<typeof membersSection> | null = null;
  let highlighted = new Set<ProfileField>();
  let highlightTimer: ReturnType<typeof setTimeout> | undefined;
  /** The associations that vouch for the firm's size and VAT number; a profile edit can void their mark. */
  let verifications: VerificationDto[] = [];
  /**
   * Bumped to reload the showcase projects and endorsements: on ShowcaseChanged (sent to the watchers of the project's
   * firms) and when the live connection is back.
   */
  let showcaseRefresh = 0;
  const reloadShowcase = () => {
    showcaseRefresh++;
    redraw();
  };
  const unlistenShowcase = onShowcaseChanged(reloadShowcase);
  /** The viewer's businesses and roles, once known: the showcase shows its own people every project. */
  let viewerRoles: Roles = new Map();
  /** A buyer's tenders, or a firm's own bids for its people. */
  const tenders = businessTenders(id, redraw);
  /** A firm's alliances and invitations, for its people. */
  const alliances = firmAlliances(id, redraw);
  /** The firms it has bid with, the lots won together and their value, for its people. */
  const ledger = relationshipLedger(id, redraw);
  /** A buyer's spaces (approvals to publish there) and mandates, for its people. */
  const standings = buyerSpaces(id, redraw);

  const loadVerifications = latestOnly(
    () => api.verifications(id),
    (list) => {
      verifications = list;
      redraw();
    },
    () => undefined, // Without them the page shows no mark, as for a firm nobody vouches for.
  );

  function show(incoming: BusinessProfileDto): void {
    const merged = mergeLiveUpdate(profile, incoming);
    if (!merged) return;
    // The mark holds for the size and VAT number the association checked: ask again whenever the profile changes.
    if (profile !== null) loadVerifications();
    profile = merged.profile;
    tenders.setKind(merged.profile.kind);
    alliances.setProfile(merged.profile);
    ledger.setProfile(merged.profile);
    standings.setKind(merged.profile.kind);
    failure = null;
    if (merged.changed.length > 0) {
      highlighted = new Set(merged.changed);
      clearTimeout(highlightTimer);
      highlightTimer = setTimeout(() => {
        highlighted = new Set();
        redraw();
      }, HIGHLIGHT_MS);
    }
    redraw();
  }

  async function load(): Promise<void> {
    loadVerifications();
    try {
      show(await api.business(id));
    } catch (error) {
      // A failed background refresh leaves the shown profile alone.
      if (profile !== null) return;
      failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
      redraw();
    }
  }

  void load();
  const unwatch = watchBusiness(id, {
    // A live update is the public copy: a reader who sees the contact details fetches the profile instead.
    changed: (incoming) => (incoming.contactsHidden && profile && !profile.contactsHidden ? void load() : show(incoming)),
    state: (state) => {
      live = state;
      // Updates sent while we were not in the group are lost; fetch once we are (back) in it.
      if (state === "connected") {
        void load();
        reloadShowcase();
        tenders.reload();
      }
      redraw();
    },
  });
  if (currentUser()) {
    api.myBusinesses().then(
      (mine) => {
        role = mine.find((b) => b.id.toLowerCase() === id)?.role ?? null;
        members = role ? membersSection(id, role, redraw) : null;
        viewerRoles = new Map(mine.map((b) => [b.id.toLowerCase(), b.role]));
        tenders.setRole(role);
        alliances.setRole(role);
        ledger.setRole(role);
        standings.setRole(role);
        redraw();
      },
      () => undefined, // Without the role the page is just the public view.
    );
  }

  const mark = (field: ProfileField): string => (highlighted.has(field) ? "changed" : "");
  const none = html`<span class="muted">${t("business.notGiven")}</span>`;
  const optional = (field: ProfileField, label: string, value: unknown) =>
    value ? html`<div class=${mark(field)}><dt>${label}</dt><dd>${value}</dd></div>` : nothing;

  function profileView(p: BusinessProfileDto) {
    const website = p.website ? websiteHref(p.website) : null;
    return html`
      <article class="profile">
        <header class="profile-head">
          <div>
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
            <span class="live" data-testid="live-status" data-state=${live} title=${t("live.hint")}>
              <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}
            </span>
            ${canManage(role)
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
        ${tenders.view()}
        ${standings.view()}
        ${alliances.view()}
        ${ledger.view()}
        <business-showcase .businessId=${id} .kind=${p.kind} .roles=${viewerRoles} .refresh=${showcaseRefresh}></business-showcase>
        ${members?.view() ?? nothing}
      </article>
    `;
  }

  return {
    title: () => profile?.name ?? t("business.title"),
    dispose: () => {
      unwatch();
      unlistenShowcase();
      tenders.dispose();
      alliances.dispose();
      ledger.dispose();
      standings.dispose();
      loadVerifications.cancel();
      clearTimeout(highlightTimer);
    },
    view: () =>
      failure === "notFound"
        ? notFoundView(t("business.notFound"))
        : failure === "error"
          ? loadErrorView()
          : profile
            ? profileView(profile)
            : loadingView(),
  };
}
