// A bid's result per lot as its bidder's people read it (GET /api/tenders/{id}/bids/{bidderId}/result), and where an
// RTI's joint bid stands (submitted by its lead, when; after the deadline, its result): one read and one view for every
// page that shows them, the tender page's bid panel and its "your RTIs" card and the alliance's page.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { ApiError } from "../../api/problem";
import type { BidResultDto, IntegrityFailureDto, ReceiptDto, TenderDto } from "../../api/types";
import { endWith, formatDateTime, formatNumber, t } from "../../i18n";
import { refusedFor } from "../../i18n/refusals";
import { formatDeadline } from "./dates";
import { isOpen } from "./status";

/**
 * A bid's place per lot once opened; "notOpened" while it waits to be opened; excluded (with the integrity failure
 * the opening found) when it did not match its receipt, or excluded by the buyer (with the buyer's reason and when),
 * so it has no place.
 */
export type BidResult =
  | BidResultDto[]
  | "notOpened"
  | { excluded: IntegrityFailureDto["reason"] }
  | { excludedByBuyer: { reason: string; at: string } };

export async function bidResultOf(tenderId: string, bidderId: string): Promise<BidResult> {
  try {
    return await api.bidResult(tenderId, bidderId);
  } catch (error) {
    if (refusedFor(error, "bid.notOpened")) return "notOpened";
    // The reason is the server's BidIntegrityFailure, as the buyer's evaluation names it.
    if (refusedFor(error, "bid.excluded")) return { excluded: (error as ApiError).args.reason as IntegrityFailureDto["reason"] };
    if (refusedFor(error, "bid.excludedByBuyer")) {
      const { reason = "", at = "" } = (error as ApiError).args;
      return { excludedByBuyer: { reason, at } };
    }
    throw error;
  }
}

/** An RTI's joint bid as its active firms' people read it: the lead's receipt (null: not submitted) and, after the deadline, its result. */
export interface RtiBid {
  receipt: ReceiptDto | null;
  result: BidResult | null;
}

/** Read by the people of the RTI's active firms (the joint bid is 404 to anyone else). */
export async function rtiBidOf(allianceId: string, tender: TenderDto): Promise<RtiBid> {
  // The joint bid's receipt says whether the RTI's bid went in (its bid is keyed by the RTI).
  const receipt = (await api.jointBid(allianceId)).receipt;
  const closed = !isOpen(tender.status) && tender.status !== "Cancelled";
  const result = !receipt || !closed ? null : tender.bidsOpened ? await bidResultOf(tender.id, allianceId) : "notOpened";
  return { receipt, result };
}

/** Why a bid has no place: excluded at opening, with the reason the opening found (the buyer reads the same). */
export const excludedText = (reason: IntegrityFailureDto["reason"]): string =>
  t("result.excluded", { reason: t(`evaluation.integrity.${reason}`) });

/** Why a bid has no place: the buyer excluded it, on that day, for the reason the buyer wrote. */
export const excludedByBuyerText = (exclusion: { reason: string; at: string }): string =>
  t("result.excludedByBuyer", { when: formatDateTime(exclusion.at), reason: endWith(exclusion.reason, ".") });

export function bidResultView(tender: TenderDto, result: BidResult | null) {
  if (result === "notOpened") return html`<p class="muted" data-testid="my-result-pending">${t("result.notOpened")}</p>`;
  if (result && "excluded" in result)
    return html`<p class="problem" data-testid="my-result-excluded">
      ${excludedText(result.excluded)}
    </p>`;
  if (result && "excludedByBuyer" in result)
    return html`<p class="problem" data-testid="my-result-excluded" data-by="buyer">
      ${excludedByBuyerText(result.excludedByBuyer)}
    </p>`;
  if (!result || result.length === 0) return nothing;
  return html`<div class="my-result" data-testid="my-result">
    <h3>${t("result.title")}</h3>
    <ul>
      ${result.map((r) => {
        const lot = tender.lots.find((l) => l.number === r.lot);
        return html`<li data-testid="my-result-lot" data-lot=${r.lot} data-rank=${r.rank} data-awarded=${r.awarded ? "true" : "false"}>
          <span class="result-lot">${t("tender.lot", { n: r.lot })}${lot ? ` · ${lot.title}` : ""}</span>
          <span class="result-rank" data-testid="my-rank">${t("result.rank", { rank: r.rank, of: r.of })}</span>
          <span class="muted">${t("result.total", { points: formatNumber(r.total, 2) })}</span>
          ${r.awarded
            ? html`<span class="badge award-badge" data-testid="award-badge">${t("result.awarded")}</span>`
            : r.decided
              ? html`<span class="badge">${t("result.notAwarded")}</span>`
              : html`<span class="badge pending">${t("result.pending")}</span>`}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** What became of an RTI's bid, in a sentence, then its result per lot once there is one. */
export function rtiBidView(tender: TenderDto, lead: string, bid: RtiBid) {
  const sentence = bid.receipt
    ? t("rtiBid.submitted", { lead, when: formatDateTime(bid.receipt.receivedAt) })
    : tender.status === "Cancelled"
      ? t("rtiBid.cancelled")
      : isOpen(tender.status)
        ? t("rtiBid.notYet", { deadline: formatDeadline(tender.submissionDeadline) })
        : t("rtiBid.none");
  return html`<p class="rti-bid-state" data-testid="rti-bid-state" data-submitted=${bid.receipt ? "true" : "false"}>${sentence}</p>
    ${bidResultView(tender, bid.result)}`;
}
