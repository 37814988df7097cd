// Tenders listed where they belong: a space's (GET /api/spaces/{id}/tenders), a buyer's with "Nuova gara" for its
// editors (GET /api/businesses/{id}/tenders, drafts included for its people), and a firm's own bids with their
// receipts (GET /api/businesses/{id}/bids, for its people).
import { html, nothing, type TemplateResult } from "lit-html";
import { api } from "../../api/client";
import type { BusinessAction, BusinessKind, MemberRole, MyBidDto, TenderSummaryDto } from "../../api/types";
import { allows, type ViewerActions } from "../../api/viewer-actions";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { formatSeconds } from "./dates";
import { shortDigest } from "./evaluation";
import { tenderItemView, tenderStatusBadge } from "./tender-views";

type State = "loading" | "error" | "ok";

/** A list that loads on demand, keeps what it showed when a refresh fails, and shows only the latest answer. */
function loader<T>(fetch: () => Promise<T[]>, redraw: Redraw) {
  let state: State = "loading";
  let items: T[] = [];
  const load = latestOnly(
    fetch,
    (list) => {
      items = list;
      state = "ok";
      redraw();
    },
    () => {
      if (state !== "ok") state = "error";
      redraw();
    },
  );
  return {
    load: () => load(),
    cancel: () => load.cancel(),
    state: () => state,
    items: () => items,
  };
}

function listView<T>(list: ReturnType<typeof loader<T>>, empty: string, item: (x: T) => TemplateResult, className: string) {
  const state = list.state();
  if (state === "loading") return loadingView();
  if (state === "error") return loadErrorView();
  const items = list.items();
  return items.length ? html`<ul class=${className}>${items.map(item)}</ul>` : html`<p class="muted">${empty}</p>`;
}

/**
 * The link to the listed tenders' open data (an OCDS release package, a page of the published ones at a time), shown
 * once one of them is published: a draft has none.
 */
function openDataView(list: ReturnType<typeof loader<TenderSummaryDto>>, path: string, text: string, testId: string) {
  if (list.state() !== "ok" || !list.items().some((s) => s.status !== "Draft")) return nothing;
  return html`<p class="muted small open-data">${text}
    <a href=${path} download="ocds.json" data-testid=${testId}>${t("tender.openDataDownload")}</a></p>`;
}

/** The "Gare" section of a space's page. */
export function spaceTenders(spaceId: string, redraw: Redraw) {
  const list = loader(() => api.spaceTenders(spaceId), redraw);
  return {
    load: list.load,
    dispose: list.cancel,
    view: () => html`<section class="card" data-testid="space-tenders" data-state=${list.state()} aria-labelledby="space-tenders-title">
      <div class="section-head">
        <h2 id="space-tenders-title">${t("tenders.list.title")}
          ${list.state() === "ok" ? html`<span class="count" data-testid="space-tender-count">${list.items().length}</span>` : nothing}</h2>
        <span class="muted small">${t("tenders.list.spaceIntro")}</span>
      </div>
      ${listView(list, t("tenders.list.empty"), (s: TenderSummaryDto) => tenderItemView(s), "tender-list")}
      ${openDataView(list, `/api/spaces/${encodeURIComponent(spaceId)}/ocds`, t("tenders.openData.space"), "space-ocds")}
    </section>`,
  };
}

function bidItem(b: MyBidDto) {
  return html`<li class="tender-item" data-testid="firm-bid" data-tender-id=${b.tenderId} data-bid-status=${b.status}>
    <div class="title-row">
      <a class="name" href=${href({ name: "tender", id: b.tenderId.toLowerCase() })}>${b.tenderTitle}</a>
      ${tenderStatusBadge(b.tenderStatus)}
    </div>
    <p class="meta">
      <span class="badge bid-${b.status.toLowerCase()}">${t(`bidStatus.${b.status}`)}</span>
      <span>${t("bids.list.submission", { n: b.receipt.submission, when: formatSeconds(b.receipt.receivedAt) })}</span>
      <code title=${b.receipt.digest}>${shortDigest(b.receipt.digest)}</code>
    </p>
  </li>`;
}

/**
 * A business's tenders on its page: a buyer's tenders for everybody (with "Nuova gara" for those the business lets
 * draft one), a firm's bids for its own people. The page tells it the business's kind, what the viewer may do with
 * the business and the viewer's role.
 */
export function businessTenders(businessId: string, redraw: Redraw) {
  let kind: BusinessKind | null = null;
  let role: MemberRole | null = null;
  let actions: ViewerActions<BusinessAction> = { allowed: [], blocked: [] };
  const tenders = loader(() => api.buyerTenders(businessId), redraw);
  const bids = loader(() => api.firmBids(businessId), redraw);

  return {
    setKind(next: BusinessKind): void {
      if (next === kind) return;
      kind = next;
      if (kind === "Buyer") tenders.load();
      if (kind === "Firm" && role) bids.load();
    },
    setActions(next: ViewerActions<BusinessAction>): void {
      actions = next;
      redraw();
    },
    setRole(next: MemberRole | null): void {
      role = next;
      // The buyer's own people also see its drafts.
      if (kind === "Buyer" && role) tenders.load();
      if (kind === "Firm" && role) bids.load();
      redraw();
    },
    reload(): void {
      if (kind === "Buyer") tenders.load();
      if (kind === "Firm" && role) bids.load();
    },
    dispose(): void {
      tenders.cancel();
      bids.cancel();
    },
    view() {
      if (kind === "Buyer")
        return html`<section class="card" data-testid="buyer-tenders" aria-labelledby="buyer-tenders-title">
          <div class="section-head">
            <h2 id="buyer-tenders-title">${t("tenders.list.title")}
              ${tenders.state() === "ok" ? html`<span class="count">${tenders.items().length}</span>` : nothing}</h2>
            ${allows(actions, "DraftTender")
              ? html`<a class="button primary" data-testid="new-tender" href=${href({ name: "newTender", buyer: businessId })}>${t("tenders.new")}</a>`
              : nothing}
          </div>
          ${role ? html`<p class="small"><a data-testid="buyer-my-tenders" href=${href({ name: "myTenders", buyer: businessId })}>${t("myTenders.open")}</a></p>` : nothing}
          ${listView(tenders, t("tenders.list.empty"), (s: TenderSummaryDto) => tenderItemView(s, false), "tender-list")}
          ${openDataView(tenders, `/api/businesses/${encodeURIComponent(businessId)}/ocds`, t("tenders.openData.buyer"), "buyer-ocds")}
        </section>`;
      if (kind === "Firm" && role)
        return html`<section class="card" data-testid="firm-bids" aria-labelledby="firm-bids-title">
          <div class="section-head">
            <h2 id="firm-bids-title">${t("bids.list.title")}
              ${bids.state() === "ok" ? html`<span class="count">${bids.items().length}</span>` : nothing}</h2>
            <span class="muted small">${t("bids.list.intro")}</span>
          </div>
          ${listView(bids, t("bids.list.empty"), bidItem, "tender-list")}
        </section>`;
      return nothing;
    },
  };
}
