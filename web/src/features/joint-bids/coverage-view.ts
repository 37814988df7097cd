// The coverage matrix: per lot of the tender, its CPV codes and the alliance's firms that cover each (by their
// capabilities); a code nobody covers is a gap, and the gaps are listed once more at the end.
import { html } from "lit-html";
import type { CoverageDto } from "../../api/types";
import { currentLanguage, t, tn } from "../../i18n";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { coverageModel } from "./coverage";

export function coverageView(coverage: CoverageDto | null, failed: boolean) {
  const body = () => {
    if (coverage === null) return failed ? loadErrorView() : loadingView();
    const model = coverageModel(coverage, currentLanguage());
    return html`<ol class="coverage-lots">
        ${model.lots.map(
          (lot) => html`<li class="coverage-lot ${lot.covered ? "covered" : "gaps"}" data-testid="coverage-lot" data-lot=${lot.lot}
            data-covered=${lot.covered ? "true" : "false"}>
            <div class="coverage-lot-head">
              <h4>${t("tender.lot", { n: lot.lot })} · ${lot.title}</h4>
              <span class="badge ${lot.covered ? "covered-badge" : "gap-badge"}">${lot.covered
                ? t("jointBid.coverage.covered")
                : t("jointBid.coverage.partly", { covered: lot.coveredCount, total: lot.codes.length })}</span>
            </div>
            ${lot.codes.length === 0
              ? html`<p class="muted small">${t("jointBid.coverage.noCodes")}</p>`
              : html`<ul class="coverage-codes">
                  ${lot.codes.map(
                    (c) => html`<li class="coverage-code ${c.gap ? "gap" : ""}" data-testid="coverage-code" data-code=${c.code}
                      data-covered=${c.gap ? "false" : "true"}>
                      <span class="code-line"><code>${c.code}</code> <span class="code-label">${c.label}</span></span>
                      <span class="coverage-firms">
                        ${c.gap
                          ? html`<span class="badge gap-badge" data-testid="coverage-gap" data-code=${c.code}>${t("jointBid.coverage.gap")}</span>`
                          : c.firms.map(
                              (f) => html`<a class="chip plain firm-chip" data-testid="coverage-firm" data-firm-id=${f.id}
                                href=${href({ name: "business", id: f.id.toLowerCase() })}>${f.name}</a>`,
                            )}
                      </span>
                    </li>`,
                  )}
                </ul>`}
          </li>`,
        )}
      </ol>
      ${model.gaps.length
        ? html`<div class="coverage-gaps alert warn" data-testid="coverage-gaps" data-count=${model.gaps.length}>
            <p><strong>${tn("jointBid.coverage.gaps", model.gaps.length)}</strong></p>
            <p class="small">${t("jointBid.coverage.gapsHint")}</p>
            <ul>${model.gaps.map((g) => html`<li data-code=${g.code}><code>${g.code}</code> ${g.label}</li>`)}</ul>
          </div>`
        : html`<p class="ok-text small" data-testid="coverage-complete">${t("jointBid.coverage.complete")}</p>`}`;
  };
  return html`<section class="card joint-coverage" data-testid="coverage" aria-labelledby="joint-coverage-title">
    <div class="section-head">
      <h3 id="joint-coverage-title">${t("jointBid.coverage.title")}</h3>
      <span class="muted small">${t("jointBid.coverage.intro")}</span>
    </div>
    ${body()}
  </section>`;
}
