// A buyer's standing in a space (approval to publish there, mandate to the space's admins, and who did what when),
// as the space's admins and the buyer's people both see it; and the one way their actions' refusals are worded.
import { html, nothing, type TemplateResult } from "lit-html";
import { ApiError } from "../../api/problem";
import type { SpaceBuyerDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import type { Redraw } from "../../page";
import { href } from "../../router";

export type StandingFeedback = { ok: boolean; text: () => string };

/**
 * Runs the actions on standings one at a time: busy while one runs, `keep` takes the standing the server answers,
 * and a sentence says how it went; a refusal reloads the list, which may have changed meanwhile.
 */
export function standingActions(redraw: Redraw, reload: () => void, keep: (fresh: SpaceBuyerDto) => void) {
  const state = { busy: false, feedback: null as StandingFeedback | null };
  async function run(call: () => Promise<SpaceBuyerDto>, done: (fresh: SpaceBuyerDto) => string): Promise<void> {
    state.busy = true;
    state.feedback = null;
    redraw();
    try {
      const fresh = await call();
      keep(fresh);
      state.feedback = { ok: true, text: () => done(fresh) };
    } catch (error) {
      state.feedback = standingFailure(error);
      reload();
    } finally {
      state.busy = false;
      redraw();
    }
  }
  return { state, run };
}

/** The sentence for a refused action: the server's reasons are about who may act and what changed meanwhile. */
function standingFailure(error: unknown): StandingFeedback {
  const status = error instanceof ApiError ? error.status : 0;
  return { ok: false, text: () => t(status === 403 ? "buyers.forbidden" : status === 409 ? "buyers.conflict" : "buyers.failed") };
}

/**
 * One standing; `of` says whose name leads: the buyer's (in the space's admin area) or the space's (on the buyer's
 * page). `actions` are the buttons the viewer may use.
 */
export function standingView(s: SpaceBuyerDto, of: "buyer" | "space", actions: TemplateResult | typeof nothing): TemplateResult {
  const named = of === "buyer" ? s.buyer : s.space;
  return html`<li class="admin-item" data-testid="buyer-standing" data-buyer-id=${s.buyer.id} data-space-id=${s.space.id}
    data-approval=${s.approval ?? ""} data-mandated=${s.mandated ? "true" : "false"}>
    <div class="item-main">
      <div class="item-head">
        <a class="firm" href=${href(of === "buyer" ? { name: "business", id: named.id } : { name: "space", id: named.id })}>${named.name}</a>
        ${s.approval
          ? html`<span class="badge status approval-${s.approval.toLowerCase()}" data-testid="buyer-approval">${t(`buyers.approval.${s.approval}`)}</span>`
          : nothing}
        ${s.mandated ? html`<span class="badge verified-badge" data-testid="buyer-mandate">${t("buyers.mandated")}</span>` : nothing}
      </div>
      <p class="muted small">${t(`buyers.meaning.${s.approval ?? "none"}`)} ${t(s.mandated ? "buyers.meaning.mandated" : "buyers.meaning.notMandated")}</p>
      <details class="standing-history">
        <summary class="small">${t("buyers.history", { count: s.history.length })}</summary>
        <ul class="small" data-testid="buyer-history">
          ${s.history.map((e) => html`<li data-step=${e.step}>${formatDateTime(e.at)} · ${t(`buyers.step.${e.step}`)} · ${e.actorName}</li>`)}
        </ul>
      </details>
    </div>
    ${actions}
  </li>`;
}
