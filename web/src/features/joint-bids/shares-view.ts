// Each firm's share of the joint bid as the server computes it (JointBidDto.shares: the sum of its work packages and
// its percentage of the whole, adding up to exactly 100), with the count of its packages and a bar.
import { html } from "lit-html";
import { cssProps } from "../../css-props";
import type { FirmShareDto, JointBidDto, NamedDto, WorkPackageDto } from "../../api/types";
import { formatNumber, t, tn } from "../../i18n";
import { href } from "../../router";
import { centsOf, formatCents } from "./money";

export interface ShareRow {
  firm: NamedDto;
  cents: number;
  currency: string;
  percent: number;
  /** How many packages the firm takes on. */
  packages: number;
}

/** The firms' shares, the largest first (then by name), with the count of their packages. */
export function shareRows(shares: readonly FirmShareDto[], packages: readonly WorkPackageDto[]): ShareRow[] {
  return shares
    .map((s) => ({
      firm: s.firm,
      cents: centsOf(s.amount.amount),
      currency: s.amount.currency,
      percent: s.percent,
      packages: packages.filter((p) => p.firm.id.toLowerCase() === s.firm.id.toLowerCase()).length,
    }))
    .sort((a, b) => b.cents - a.cents || a.firm.name.localeCompare(b.firm.name, "it"));
}

/** A bar's width for a percentage: never beyond the track, and a sliver for a share too small to see. */
export const barWidth = (percent: number): number => (percent <= 0 ? 0 : Math.min(100, Math.max(1, percent)));

export function sharesView(bid: JointBidDto) {
  const rows = shareRows(bid.shares, bid.workPackages);
  return html`<section class="card joint-shares" data-testid="shares" aria-labelledby="joint-shares-title">
    <div class="section-head">
      <h3 id="joint-shares-title">${t("jointBid.shares.title")}</h3>
      <span class="muted small">${t("jointBid.shares.intro")}</span>
    </div>
    ${rows.length === 0
      ? html`<p class="muted" data-testid="shares-none">${t("jointBid.shares.none")}</p>`
      : html`<ul class="shares">
          ${rows.map(
            (r) => html`<li class="share" data-testid="share" data-firm-id=${r.firm.id} data-percent=${r.percent.toFixed(2)}>
              <span class="share-firm"><a href=${href({ name: "business", id: r.firm.id.toLowerCase() })}>${r.firm.name}</a>
                <span class="muted small">${tn("jointBid.shares.packages", r.packages)}</span></span>
              <span class="share-figures">
                <span class="share-amount" data-testid="share-amount">${formatCents(r.cents, r.currency)}</span>
                <strong class="share-percent" data-testid="share-percent">${formatNumber(r.percent, 2)} %</strong>
              </span>
              <span class="share-bar" aria-hidden="true"><span ${cssProps({ width: `${barWidth(r.percent)}%` })}></span></span>
            </li>`,
          )}
        </ul>`}
  </section>`;
}
