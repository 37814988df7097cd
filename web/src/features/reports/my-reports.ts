// Under a space's notice board, for the people of its member firms: what their firms reported to the association and
// what became of each report. A hidden post leaves the board, so the reporter reads the association's answer here.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import type { MyReportDto } from "../../api/types";
import { t } from "../../i18n";
import { sameId } from "../../ids";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import { onReportsChanged } from "../../realtime/hub";
import { reportOutcomeView } from "./report-form";

/** The latest reports shown; older ones were answered long ago. */
const SHOWN = 10;

export class MyReports extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    reports: { state: true },
  };

  declare spaceId: string;
  private declare reports: MyReportDto[];
  #unlisten: (() => void) | null = null;

  constructor() {
    super();
    this.spaceId = "";
    this.reports = [];
  }

  readonly #load = latestOnly(
    async (spaceId: string) => {
      const firms = (await api.myBusinesses()).filter((b) => b.kind === "Firm");
      const lists = await Promise.all(firms.map((f) => api.firmReports(f.id).catch(() => [] as MyReportDto[])));
      return lists.flat().filter((r) => sameId(r.spaceId, spaceId));
    },
    (reports) => (this.reports = reports.sort((a, b) => b.at.localeCompare(a.at)).slice(0, SHOWN)),
    () => undefined, // A failed refresh keeps the list shown.
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#load(this.spaceId);
    this.#unlisten = onReportsChanged((change) => {
      if (sameId(change.spaceId, this.spaceId)) this.#load(this.spaceId);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten?.();
    this.#load.cancel();
  }

  protected override render() {
    if (this.reports.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="my-reports-title" data-testid="my-reports">
      <h2 id="my-reports-title">${t("reports.mine.title")}</h2>
      <ul class="admin-list">
        ${this.reports.map(
          (r) => html`<li class="admin-item" data-testid="my-report">
            <div class="item-main">
              <div><span class="badge">${t(`reports.admin.kind.${r.subject.kind}`)}</span> <strong>${r.subject.title}</strong></div>
              ${reportOutcomeView(r)}
            </div>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

customElements.define("my-reports", MyReports);

declare global {
  interface HTMLElementTagNameMap {
    "my-reports": MyReports;
  }
}
