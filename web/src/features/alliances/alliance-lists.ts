// Alliances listed where they belong: on a tender's page, the viewer's RTIs for it with "Partecipa in RTI" while
// it takes bids; on a firm's page, for its people, its alliances and pending invitations (GET
// /api/businesses/{id}/alliances) with a standing alliance to form. Both reload when AllianceChanged comes on the
// firms' team groups.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceSummaryDto, MyBusinessDto, TenderDto } from "../../api/types";
import { t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { currentUser } from "../auth/session";
import { firmTeamFeed } from "../businesses/firm-team-feed";
import { rtiBidOf, rtiBidView, type RtiBid } from "../tenders/bid-result";
import { isOpen } from "../tenders/status";
import type { TenderContext } from "../tenders/tender-context";
import { allianceFormPanel } from "./alliance-form-panel";
import { alliancesForTender, summariesInOrder } from "./alliance-rules";
import { reteChoices } from "./rete-choices";
import { roleBadge, roleInText, summaryKindView } from "./alliance-views";

type State = "idle" | "loading" | "error" | "ok";

interface ItemOptions {
  testid: (s: AllianceSummaryDto) => string;
  /** The firm's name, when the viewer acts for several. */
  firmName?: (s: AllianceSummaryDto) => string | null;
  /** Whether to say what the alliance is for (a firm's list mixes tenders and standing alliances). */
  kind: boolean;
  /** What became of its bid, where the list shows it (a tender's page once bids are closed). */
  outcome?: (s: AllianceSummaryDto) => unknown;
}

function itemView(s: AllianceSummaryDto, options: ItemOptions) {
  const invited = s.standing === "Invited";
  const firm = options.firmName?.(s) ?? null;
  return html`<li class="alliance-item ${invited ? "invited" : ""}" data-testid=${options.testid(s)} data-alliance-id=${s.id}
    data-firm-id=${s.firmId} data-role=${s.role} data-standing=${s.standing}>
    <div class="title-row">
      <a class="name" href=${href({ name: "alliance", id: s.id.toLowerCase() })}>${s.name}</a>
      ${invited ? html`<span class="badge new">${t("alliances.list.invitation")}</span>` : roleBadge(s.role)}
    </div>
    <p class="meta">
      ${options.kind ? html`<span>${summaryKindView(s)}</span>` : nothing}
      <span>${t("alliances.list.lead", { lead: s.leadName })}</span>
      ${invited ? html`<span>${t("alliances.list.invitedAs", { role: roleInText(s.role) })}</span>` : nothing}
      ${firm ? html`<span>${t("alliances.list.firm", { firm })}</span>` : nothing}
    </p>
    ${options.outcome?.(s) ?? nothing}
  </li>`;
}

/**
 * The "Partecipa in RTI" card of a tender's page, for a signed-in user with a firm; once bids are closed, "I tuoi RTI
 * per questa gara" with what became of each active RTI's bid (submitted or not, its result), as its alliance page says.
 */
export function tenderAlliances(ctx: TenderContext) {
  let state: State = "idle";
  let items: AllianceSummaryDto[] = [];
  /** Each active RTI's bid, by alliance id, once bids are closed. */
  let bids = new Map<string, RtiBid>();
  const firms = (): MyBusinessDto[] => ctx.mine().filter((b) => b.kind === "Firm");

  const loadBids = latestOnly(
    (tender: TenderDto, ids: readonly string[]) => Promise.all(ids.map(async (id) => [id, await rtiBidOf(id, tender)] as const)),
    (read) => {
      bids = new Map(read);
      ctx.redraw();
    },
    // Without it, the card still lists the RTIs and their roles.
    () => undefined,
  );

  const load = latestOnly(
    (ids: readonly string[]) => Promise.all(ids.map((firmId) => api.firmAlliances(firmId))),
    (lists) => {
      items = alliancesForTender(lists, ctx.tenderId);
      state = "ok";
      const tender = ctx.tender();
      if (tender && !isOpen(tender.status)) loadBids(tender, items.filter((s) => s.standing === "Active").map((s) => s.id));
      ctx.redraw();
    },
    () => {
      if (state !== "ok") state = "error";
      ctx.redraw();
    },
  );

  const form = allianceFormPanel({
    tender: () => {
      const tender = ctx.tender();
      return tender ? { id: tender.id, title: tender.title } : null;
    },
    leadId: null,
    tenderClosed: () => ctx.reload(),
    redraw: ctx.redraw,
  });

  const reti = reteChoices(() => ctx.tenderId, ctx.redraw);

  function reload(): void {
    const ids = firms().map((f) => f.id);
    if (ids.length === 0) return;
    if (ctx.tender() && isOpen(ctx.tender()!.status)) reti.load();
    if (state === "idle") state = "loading";
    load(ids);
  }

  const outcome = (s: AllianceSummaryDto) => {
    const tender = ctx.tender();
    const bid = bids.get(s.id);
    return tender && bid ? html`<div class="rti-bid" data-testid="tender-alliance-outcome">${rtiBidView(tender, s.leadName, bid)}</div>` : nothing;
  };

  const firmName = (s: AllianceSummaryDto): string | null =>
    firms().length > 1 ? (firms().find((f) => f.id.toLowerCase() === s.firmId.toLowerCase())?.name ?? null) : null;

  return {
    load: reload,
    /** The viewer's RTI whose bid this is (by its receipt), once bids are closed: its firms know it by name. */
    rtiOfBid(bidId: string): string | null {
      const id = bidId.toLowerCase();
      return items.find((s) => bids.get(s.id)?.receipt?.bidId.toLowerCase() === id)?.name ?? null;
    },
    /** AllianceChanged on one of the viewer's firms' teams: an RTI of theirs (maybe for this tender) changed, and with it where they may form one. */
    changed: () => {
      reload();
      form.reload();
    },
    dispose: () => {
      load.cancel();
      loadBids.cancel();
      form.dispose();
      reti.dispose();
    },
    view(tender: TenderDto) {
      if (!currentUser() || firms().length === 0) return nothing;
      const open = isOpen(tender.status);
      if (!open && items.length === 0) return nothing;
      return html`<section class="card alliance-card" data-testid="tender-alliances" aria-labelledby="tender-alliances-title">
        <h2 id="tender-alliances-title">${t(open ? "tenderAlliances.title" : "tenderAlliances.titleClosed")}</h2>
        ${open ? html`<p class="muted small">${t("tenderAlliances.intro")}</p>` : nothing}
        ${state === "error"
          ? loadErrorView()
          : state === "ok" && items.length
            ? html`<ul class="alliance-list">${items.map((s) => itemView(s, { testid: () => "tender-alliance", firmName, kind: false, outcome }))}</ul>`
            : nothing}
        ${open ? reti.view() : nothing}
        ${open
          ? form.leads()?.length === 0
            ? html`<p class="muted small">${t("tenderAlliances.viewerOnly")}</p>`
            : form.view()
          : nothing}
      </section>`;
    },
  };
}

/** A firm's alliances on its page, for its own people; its Owners and Managers may form a standing one. */
export function firmAlliances(businessId: string, redraw: Redraw) {
  // An invitation, a removal, an alliance formed: AllianceChanged on the firm's team group.
  const feed = firmTeamFeed(businessId, () => api.firmAlliances(businessId).then(summariesInOrder), ["alliance"], redraw);

  const form = allianceFormPanel({ tender: () => null, leadId: businessId, redraw });

  return {
    setProfile: feed.setProfile,
    setRole: feed.setRole,
    reload: feed.reload,
    dispose(): void {
      feed.dispose();
      form.dispose();
    },
    view() {
      const profile = feed.profile();
      if (!feed.shown() || !profile) return nothing;
      const state = feed.state();
      const items = feed.value() ?? [];
      const invitations = items.filter((s) => s.standing === "Invited").length;
      return html`<section class="card" data-testid="firm-alliances" data-state=${state} aria-labelledby="firm-alliances-title">
        <div class="section-head">
          <h2 id="firm-alliances-title">${t("alliances.list.title")}
            ${state === "ok" ? html`<span class="count">${items.length}</span>` : nothing}</h2>
          <span class="muted small">${t("alliances.list.intro", { firm: profile.name })}</span>
        </div>
        ${invitations > 0
          ? html`<p class="notice-line" data-testid="alliance-invitations-count">${tn("alliances.list.pending", invitations)}</p>`
          : nothing}
        ${state === "error"
          ? loadErrorView()
          : state !== "ok"
            ? loadingView()
            : items.length
              ? html`<ul class="alliance-list">${items.map((s) =>
                  itemView(s, { testid: (x) => (x.standing === "Invited" ? "alliance-invite-item" : "alliance-item"), kind: true }))}</ul>`
              : html`<p class="muted">${t("alliances.list.empty")}</p>`}
        ${form.view()}
      </section>`;
    },
  };
}
