// The tender's audit trail. Its public chain (the tender's own events) is checked by the server exactly as the
// offline verifier checks its download, against the latest signed checkpoint; the bids' and alliances' events are in
// a separate sealed chain, of which the page lists only what the viewer may read.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AuditDto, AuditLinkDto, SealedAuditDto } from "../../api/types";
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

/** What the check of the public chain found, in words: the server's finding names the first thing that does not hold. */
export function auditVerdict(audit: Pick<AuditDto, "finding" | "firstBroken" | "links">): string {
  switch (audit.finding) {
    case "Holds":
    case "NotCheckpointed":
      return tn("audit.valid", audit.links);
    case "BrokenLink":
      return t("audit.broken", { n: audit.firstBroken ?? 0 });
    case "Rewritten":
      return t("audit.rewritten", { n: audit.firstBroken ?? 0 });
    case "BadSignature":
      return t("audit.badSignature");
    default:
      return t("audit.notIncluded");
  }
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
  const broken = (link: AuditLinkDto, firstBroken: number | null | undefined): boolean => firstBroken != null && link.sequence >= firstBroken;

  const linkView = (link: AuditLinkDto, firstBroken: number | null | undefined) => html`<li
    class="audit-link ${broken(link, firstBroken) ? "broken" : ""}" data-testid="audit-link" data-sequence=${link.sequence} data-kind=${link.kind}>
    <span class="seq">${link.sequence}</span>
    <span class="what"><strong>${auditKind(link.kind)}</strong>
      <span class="muted small">${t(link.subject === "tender" ? "audit.subject.tender" : "audit.subject.bid")}</span></span>
    <time class="muted small" datetime=${link.at}>${formatSeconds(link.at)}</time>
    <code class="hash" title=${link.hash}>${shortDigest(link.hash, 8)}</code>
  </li>`;

  const sealedView = (part: SealedAuditDto) => html`<div class="audit-sealed" data-testid="audit-sealed">
    <h3>${t("audit.sealed.title")}</h3>
    <p class="audit-status ${part.valid ? "valid" : "broken"}" data-testid="audit-sealed-status" data-valid=${part.valid ? "true" : "false"}>
      <span class="mark" aria-hidden="true">${part.valid ? "✓" : "✗"}</span>
      ${part.valid ? t("audit.sealed.valid") : t("audit.sealed.broken", { n: part.firstBroken ?? 0 })}
    </p>
    ${part.shown.length
      ? html`<details class="audit-links" data-testid="audit-sealed-links">
          <summary>${tn("audit.show", part.shown.length)}</summary>
          <ol>${part.shown.map((l) => linkView(l, part.firstBroken))}</ol>
        </details>`
      : nothing}
  </div>`;

  return {
    load: () => load(),
    dispose: () => load.cancel(),
    view() {
      const valid = audit?.finding === "Holds" || audit?.finding === "NotCheckpointed";
      return html`<section class="card audit" aria-labelledby="audit-title">
        <h2 id="audit-title">${t("audit.title")}</h2>
        ${failed
          ? loadErrorView()
          : !audit
            ? loadingView()
            : html`<p class="audit-status ${valid ? "valid" : "broken"}" data-testid="audit-status"
                  data-valid=${valid ? "true" : "false"} data-finding=${audit.finding} data-first-broken=${audit.firstBroken ?? ""}>
                  <span class="mark" aria-hidden="true">${valid ? "✓" : "✗"}</span>
                  ${auditVerdict(audit)}
                </p>
                <p class="muted small" data-testid="audit-checkpoint">
                  ${audit.checkpoint
                    ? t("audit.checkpoint", { n: audit.checkpoint.number, at: formatSeconds(audit.checkpoint.at) })
                    : t("audit.noCheckpoint")}
                </p>
                <p class="muted small">${t("audit.explain")}</p>
                <p class="muted small">${t("audit.sealedExplain")}</p>
                <p class="small">
                  <a href=${`/api/tenders/${encodeURIComponent(tenderId)}/audit/chain`} download=${`audit-${tenderId}.json`}
                    data-testid="audit-download">${t("audit.download")}</a>
                  · <a href="/api/audit/public-key" download="marketplace-audit-key.pem">${t("audit.publicKey")}</a>
                  <span class="muted"> ${t("audit.verifyOffline")}</span>
                </p>
                ${audit.shown.length
                  ? html`<details class="audit-links" data-testid="audit-links">
                      <summary>${tn("audit.show", audit.shown.length)}</summary>
                      <ol>${audit.shown.map((l) => linkView(l, audit?.firstBroken))}</ol>
                    </details>`
                  : nothing}
                ${audit.sealed ? sealedView(audit.sealed) : nothing}`}
      </section>`;
    },
  };
}
