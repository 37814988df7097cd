// The tender's audit trail: every change of the tender and of its bids is a link whose hash covers the previous
// link's. The server verifies the whole chain; the page says whether it holds and lists the links.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AuditDto, AuditLinkDto } from "../../api/types";
import { dictionaries, t, tn, type MessageKey } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { formatSeconds } from "./dates";
import { shortDigest } from "./evaluation";

/** The event's name in the UI's language; an event this client does not know keeps the server's name. */
export function auditKind(kind: string): string {
  const key = `audit.kind.${kind}`;
  return Object.hasOwn(dictionaries.it, key) ? t(key as MessageKey) : kind;
}

export function auditSection(tenderId: string, redraw: Redraw) {
  let audit: AuditDto | null = null;
  let failed = false;

  const load = latestOnly(
    () => api.tenderAudit(tenderId),
    (fresh) => {
      audit = fresh;
      failed = false;
      redraw();
    },
    () => {
      failed = audit === null;
      redraw();
    },
  );

  /** Links from the first broken one on can no longer be trusted. */
  const broken = (link: AuditLinkDto): boolean => audit?.firstBroken != null && link.sequence >= audit.firstBroken;

  const linkView = (link: AuditLinkDto) => html`<li class="audit-link ${broken(link) ? "broken" : ""}" data-testid="audit-link"
    data-sequence=${link.sequence} data-kind=${link.kind}>
    <span class="seq">${link.sequence}</span>
    <span class="what"><strong>${auditKind(link.kind)}</strong>
      <span class="muted small">${t(link.subject === "tender" ? "audit.subject.tender" : "audit.subject.bid")}</span></span>
    <time class="muted small" datetime=${link.at}>${formatSeconds(link.at)}</time>
    <code class="hash" title=${link.hash}>${shortDigest(link.hash, 8)}</code>
  </li>`;

  return {
    load: () => load(),
    dispose: () => load.cancel(),
    view() {
      return html`<section class="card audit" aria-labelledby="audit-title">
        <h2 id="audit-title">${t("audit.title")}</h2>
        ${failed
          ? loadErrorView()
          : !audit
            ? loadingView()
            : html`<p class="audit-status ${audit.valid ? "valid" : "broken"}" data-testid="audit-status"
                  data-valid=${audit.valid ? "true" : "false"} data-first-broken=${audit.firstBroken ?? ""}>
                  <span class="mark" aria-hidden="true">${audit.valid ? "✓" : "✗"}</span>
                  ${audit.valid ? tn("audit.valid", audit.links) : t("audit.broken", { n: audit.firstBroken ?? 0 })}
                </p>
                <p class="muted small">${t("audit.explain")}</p>
                ${audit.shown.length < audit.links ? html`<p class="muted small">${t("audit.hiddenBids")}</p>` : nothing}
                ${audit.shown.length
                  ? html`<details class="audit-links" data-testid="audit-links">
                      <summary>${tn("audit.show", audit.shown.length)}</summary>
                      <ol>${audit.shown.map(linkView)}</ol>
                    </details>`
                  : nothing}`}
      </section>`;
    },
  };
}
