// What a firm's proposal of tenders found elsewhere looks like, alike for the firm that made it and the space's
// admins who decide it: the tenders the package holds, and what became of it.
import { html, nothing } from "lit";
import type { OpportunityProposalDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { href } from "../../router";

/** The tenders as read when the package was proposed; once imported, each links to its opportunity. */
export function proposedTendersView(p: OpportunityProposalDto) {
  const imported = new Map((p.result?.opportunities ?? []).map((o) => [o.ocid, o.tenderId]));
  return html`<ul class="proposal-tenders" data-testid="proposal-tenders">
    ${p.opportunities.map((o) => {
      const tenderId = imported.get(o.ocid);
      return html`<li data-testid="proposal-tender" data-ocid=${o.ocid}>
        ${tenderId ? html`<a href=${href({ name: "tender", id: tenderId })}>${o.title}</a>` : html`<strong>${o.title}</strong>`}
        <span class="muted small">${t("proposals.tenderMeta", { buyer: o.buyerName, deadline: formatDateTime(o.submissionDeadline) })}</span>
      </li>`;
    })}
  </ul>`;
}

/** Where the proposal stands, in one line: waiting, imported, declined with the admins' reason, or withdrawn. */
export function proposalStatusView(p: OpportunityProposalDto) {
  const when = p.decidedAt ? formatDateTime(p.decidedAt) : "";
  return html`<p class="small proposal-status" data-testid="proposal-status" data-status=${p.status}>
    <span class="badge proposal-${p.status.toLowerCase()}">${t(`proposals.status.${p.status}`)}</span>
    ${p.status === "Waiting" ? nothing : html`<span class="muted">${when}</span>`}
    ${p.status === "Declined" && p.reason ? html`<span data-testid="proposal-reason">${t("proposals.reason", { reason: p.reason })}</span>` : nothing}
  </p>`;
}
