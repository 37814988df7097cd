// The firms a firm blocked, for its Owners and Managers on the firm's page: the list with "unblock", and a search of
// the directory's firms to block one. What a block does is said above it, truly (FirmBlocks on the server): the
// blocked firm no longer sees the firm's board posts nor expresses interest in them, and neither firm is told of the
// other's posts; it is not told it was blocked, and alliances both are in keep their conversation.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { DirectoryEntryDto, FirmBlockDto } from "../../api/types";
import { currentLanguage, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import type { Redraw } from "../../page";
import { typeahead } from "../../typeahead";
import { loadErrorView, loadingView } from "../../views";

const since = (iso: string): string =>
  new Intl.DateTimeFormat(currentLanguage() === "it" ? "it-IT" : "en-GB", { dateStyle: "medium", timeZone: "Europe/Rome" }).format(new Date(iso));

export function blocksSection(businessId: string, redraw: Redraw) {
  let blocks: FirmBlockDto[] | null = null;
  let failed = false;
  let chosen: DirectoryEntryDto | null = null;
  let busy = false;
  let status: { ok: boolean; text: () => string } | null = null;

  api.firmBlocks(businessId).then(
    (list) => {
      blocks = list;
      redraw();
    },
    () => {
      failed = true;
      redraw();
    },
  );

  const search = typeahead<DirectoryEntryDto>(
    {
      testid: "block-search",
      optionTestid: "block-option",
      placeholder: () => t("blocks.placeholder"),
      // Only another firm can be blocked (the server refuses anything else): the search asks the directory for firms.
      search: (q) => api.directory(q, 1, 20, "Firm").then((page) => page.items.filter((f) => f.id.toLowerCase() !== businessId.toLowerCase())),
      key: (entry) => entry.id,
      option: (entry) => html`<strong>${entry.name}</strong>`,
      pick: (entry) => {
        chosen = entry;
        status = null;
      },
      keepText: (entry) => entry.name,
    },
    redraw,
  );

  async function change(firmId: string, name: string, block: boolean): Promise<void> {
    if (busy) return;
    busy = true;
    status = null;
    redraw();
    try {
      blocks = block ? await api.blockFirm(businessId, firmId) : await api.unblockFirm(businessId, firmId);
      status = { ok: true, text: () => t(block ? "blocks.blocked" : "blocks.unblocked", { name }) };
      if (block) {
        chosen = null;
        search.setText("");
      }
    } catch (error) {
      status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      busy = false;
      redraw();
    }
  }

  function listView() {
    if (failed) return loadErrorView();
    if (blocks === null) return loadingView();
    if (blocks.length === 0) return html`<p class="muted" data-testid="blocks-empty">${t("blocks.none")}</p>`;
    return html`<ul class="block-list" data-testid="blocks-list">
      ${blocks.map(
        (b) => html`<li class="block-row" data-testid="block-row" data-firm-id=${b.firmId}>
          <span><strong data-testid="block-name">${b.name}</strong> <span class="muted small">${t("blocks.since", { date: since(b.at) })}</span></span>
          <button type="button" class="secondary" data-testid="block-remove" ?disabled=${busy} @click=${() => void change(b.firmId, b.name, false)}>
            ${t("blocks.unblock")}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  return {
    view() {
      return html`<section class="card blocks" data-testid="blocks-section">
        <h2>${t("blocks.title")}</h2>
        <p class="muted">${t("blocks.intro")}</p>
        ${listView()}
        <form
          class="block-form"
          @submit=${(e: Event) => {
            e.preventDefault();
            if (chosen) void change(chosen.id, chosen.name, true);
          }}
        >
          <label for="block-search-input">${t("blocks.find")}</label>
          ${search.view("block-search-input")}
          <button type="submit" class="danger" data-testid="block-add" ?disabled=${busy || chosen === null}>${t("blocks.block")}</button>
        </form>
        ${status
          ? html`<p class=${status.ok ? "status ok" : "status error"} role="status" data-testid="blocks-status">${status.text()}</p>`
          : nothing}
      </section>`;
    },
    dispose() {
      search.dispose();
    },
  };
}
