// Who is in the workspace now: one chip per person (the viewer first, marked), as PresenceChanged last said.
import { html } from "lit-html";
import { t, tn } from "../../i18n";
import type { LiveState, WorkspaceViewer } from "../../realtime/hub";
import { viewerRows } from "./presence";

/** viewers: null until the server has said who is here (it does once the viewer's own arrival is announced). */
export function presenceBar(viewers: readonly WorkspaceViewer[] | null, me: string | null, live: LiveState) {
  const rows = viewers === null ? [] : viewerRows(viewers, me);
  const others = rows.filter((r) => !r.you).length;
  return html`<div class="presence" data-testid="presence" data-live=${live} data-count=${rows.length} aria-live="polite">
    <span class="presence-label">${t("jointBid.presence.label")}</span>
    ${viewers === null
      ? html`<span class="muted small">${t("jointBid.presence.waiting")}</span>`
      : html`<ul class="presence-list">
            ${rows.map(
              (r) => html`<li class="viewer ${r.you ? "you" : ""}" data-testid="viewer" data-user-id=${r.userId} data-you=${r.you ? "true" : "false"}
                title=${r.name}>
                <span class="avatar" aria-hidden="true">${r.initials}</span>
                <span class="viewer-name">${r.name}</span>
                ${r.you ? html`<span class="badge you-badge" data-testid="viewer-you">${t("jointBid.presence.you")}</span>` : ""}
              </li>`,
            )}
          </ul>
          <span class="muted small presence-summary">${others === 0 ? t("jointBid.presence.alone") : tn("jointBid.presence.others", others)}</span>`}
    ${live === "connected" ? "" : html`<span class="muted small">${t("jointBid.presence.stale")}</span>`}
  </div>`;
}
