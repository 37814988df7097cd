// A firm's relationship ledger on its page, for its own people (any role): the firms it has submitted joint bids
// with, the lots won together and each partner's share of that work against the whole (GET /api/businesses/{id}/relationships, in the server's
// order). A submitted or withdrawn joint bid comes as BidChanged on the firm's team group, a change of its alliances
// as AllianceChanged: either reloads it.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { PartnerLedgerDto } from "../../api/types";
import { currentLanguage, t, tn } from "../../i18n";
import type { Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { firmTeamFeed } from "../businesses/firm-team-feed";
import { shareWonLines } from "./ledger-rules";

function rowView(row: PartnerLedgerDto) {
  const value = shareWonLines(row, currentLanguage());
  const unknown = row.lotsWithoutShare;
  return html`<tr data-testid="ledger-row" data-partner-id=${row.partner.id}>
    <td class="partner" data-label=${t("ledger.col.partner")}>
      <a href=${href({ name: "business", id: row.partner.id.toLowerCase() })}>${row.partner.name || t("ledger.unnamed")}</a>
    </td>
    <td class="num" data-label=${t("ledger.col.bids")} data-testid="ledger-bids">${row.jointBids}</td>
    <td class="num" data-label=${t("ledger.col.won")} data-testid="ledger-won">${row.lotsWon}</td>
    <td class="num value" data-label=${t("ledger.col.value")} data-testid="ledger-value">
      ${value.length
        ? html`<span class="amounts"
            >${value.map((line) => html`<span>${line}</span>`)}
            ${unknown > 0
              ? html`<span class="muted small share-unknown" data-testid="ledger-share-unknown"
                  >${tn(unknown === row.lotsWon ? "ledger.shareUnknown" : "ledger.sharePartlyUnknown", unknown)}</span>`
              : nothing}</span
          >`
        : html`<span class="muted">—</span>`}
    </td>
  </tr>`;
}

export function relationshipLedger(businessId: string, redraw: Redraw) {
  const feed = firmTeamFeed(businessId, () => api.relationships(businessId), ["bid", "alliance"], redraw);

  return {
    setProfile: feed.setProfile,
    setRole: feed.setRole,
    reload: feed.reload,
    dispose: feed.dispose,
    view() {
      const profile = feed.profile();
      if (!feed.shown() || !profile) return nothing;
      const state = feed.state();
      const rows = feed.value() ?? [];
      return html`<section class="card relationship-ledger" data-testid="relationship-ledger" data-state=${state}
        aria-labelledby="relationship-ledger-title">
        <div class="section-head">
          <h2 id="relationship-ledger-title">${t("ledger.title")}
            ${state === "ok" && rows.length ? html`<span class="count">${rows.length}</span>` : nothing}</h2>
          <span class="muted small">${t("ledger.intro", { firm: profile.name })}</span>
        </div>
        ${state === "error"
          ? loadErrorView()
          : state !== "ok"
            ? loadingView()
            : rows.length
              ? html`<div class="table-wrap">
                  <table class="ledger phone-cards" data-testid="ledger-table">
                    <thead>
                      <tr>
                        <th scope="col">${t("ledger.col.partner")}</th>
                        <th scope="col" class="num">${t("ledger.col.bids")}</th>
                        <th scope="col" class="num">${t("ledger.col.won")}</th>
                        <th scope="col" class="num">${t("ledger.col.value")}</th>
                      </tr>
                    </thead>
                    <tbody>${rows.map(rowView)}</tbody>
                  </table>
                </div>`
              : html`<p class="muted" data-testid="ledger-empty">${t("ledger.empty")}</p>`}
      </section>`;
    },
  };
}
