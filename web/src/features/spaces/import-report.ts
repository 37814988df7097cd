// What an import did, or why it imported nothing: shown after an upload and as a feed's last fetch, alike.
import { html, nothing } from "lit";
import type { FieldErrors } from "../../api/problem";
import type { ImportResultDto } from "../../api/types";
import { describeFieldError } from "../../field-errors";
import { t, tn } from "../../i18n";
import { href } from "../../router";

/** How many opportunities the report lists; the counts say the rest. */
const SHOWN = 20;

/** How many errors a refusal lists (the server lists at most 100 and says how many more). */
const ERRORS = 100;

/** Test ids start with `testid` ("import": the upload's, "feed": a feed's); `live` announces it (an answer just come). */
export function importResultView(result: ImportResultDto, testid = "import", live = true) {
  const total = result.created + result.updated + result.unchanged;
  return html`<div class="import-result" data-testid="${testid}-result">
    <p class="status ok" role=${live ? "status" : nothing}>${tn("admin.opportunities.done", result.releases, {
      created: result.created, updated: result.updated, unchanged: result.unchanged,
    })}</p>
    <ul class="admin-list compact" data-testid="${testid}-opportunities">
      ${result.opportunities.slice(0, SHOWN).map(
        (o) => html`<li class="admin-item" data-testid="${testid}-opportunity" data-ocid=${o.ocid} data-effect=${o.effect}>
          <div class="item-main"><div class="item-head"><a href=${href({ name: "tender", id: o.tenderId })}>${o.title}</a>
            <span class="badge">${t(`admin.opportunities.effect.${o.effect}`)}</span></div>
            <div class="muted small">${o.ocid}</div></div>
        </li>`,
      )}
    </ul>
    ${total > SHOWN ? html`<p class="muted small">${t("admin.opportunities.more", { n: total - SHOWN })}</p>` : nothing}
    ${result.failed.length
      ? html`<p class="status error" data-testid="${testid}-failed">${t("admin.opportunities.failed", {
          ocids: result.failed.map((f) => f.ocid).join(", "),
        })}</p>`
      : nothing}
  </div>`;
}

export function importErrorsView(errors: FieldErrors, testid = "import", live = true) {
  const paths = Object.keys(errors);
  return html`<div class="import-errors" role=${live ? "alert" : nothing} data-testid="${testid}-errors">
    <p class="status error">${tn("admin.opportunities.refused", paths.length)}</p>
    <ul class="error-list">
      ${paths.slice(0, ERRORS).map(
        (path) => html`<li data-testid="${testid}-error" data-path=${path}><code>${path}</code> ${describeFieldError(errors[path] ?? []).join(" ")}</li>`,
      )}
    </ul>
  </div>`;
}
