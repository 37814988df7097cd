// On the edit page: the business's logo, uploaded (PUT /api/businesses/{id}/logo), replaced or removed on its own,
// apart from the profile form. The server checks the image (PNG, JPEG or WebP by its bytes, at most 256 KB and
// 1024×1024 px); the page checks only what it can know before sending, and says the server's reason otherwise.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { BusinessProfileDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { filePicker } from "../../file-picker";
import { t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import type { Redraw } from "../../page";
import { logoView } from "./logo";

export const MAX_LOGO_BYTES = 256 * 1024;
const accept = "image/png,image/jpeg,image/webp";

/** What was wrong with a refused logo, in the refusal's own words; made when shown, so that it follows the language. */
function describe(error: unknown): () => string {
  if (error instanceof ApiError && error.status === 413) return () => t("logo.tooLarge");
  if (error instanceof ApiError && error.status === 400) {
    const errors = error.errors;
    return () => [...fieldMessages(errors, "logo"), ...fieldMessages(errors, "name")].join(" ") || describeRefusal(error);
  }
  return () => describeRefusal(error);
}

/** @param saved called with the profile the server answers after a change of the logo. */
export function logoField(id: string, saved: (profile: BusinessProfileDto) => void, redraw: Redraw) {
  let busy = false;
  let status: { ok: boolean; text: () => string } | null = null;
  /** The file being sent, named beside the button until the server answers. */
  let sending: string | null = null;

  async function run(change: () => Promise<BusinessProfileDto>, done: () => string): Promise<void> {
    busy = true;
    status = null;
    redraw();
    try {
      saved(await change());
      status = { ok: true, text: done };
    } catch (error) {
      status = { ok: false, text: describe(error) };
    } finally {
      busy = false;
      sending = null;
      redraw();
    }
  }

  function chosen(files: File[]): void {
    const file = files[0];
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      status = { ok: false, text: () => t("logo.tooLarge") };
      redraw();
      return;
    }
    sending = file.name;
    void run(() => api.uploadLogo(id, file, file.name), () => t("logo.saved"));
  }

  return {
    view: (p: BusinessProfileDto) => html`<section class="card logo-card" aria-labelledby="logo-title">
      <h2 id="logo-title">${t("logo.title")}</h2>
      <div class="logo-row">
        ${logoView(p.name, p.logo, "large")}
        <div class="logo-actions">
          <label for="logo-file" class="visually-hidden">${t(p.logo ? "logo.replace" : "logo.choose")}</label>
          ${filePicker({
            id: "logo-file",
            testid: "logo-file",
            accept,
            disabled: busy,
            describedBy: "logo-hint",
            label: t(p.logo ? "logo.replace" : "logo.choose"),
            chosen: sending ? [sending] : undefined,
            onFiles: chosen,
          })}
          ${p.logo
            ? html`<button type="button" data-testid="logo-remove" ?disabled=${busy}
                @click=${() => run(() => api.removeLogo(id), () => t("logo.removed"))}>${t("logo.remove")}</button>`
            : nothing}
          <small class="hint" id="logo-hint">${t("logo.hint")}</small>
        </div>
      </div>
      <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="logo-status">${status?.text() ?? ""}</p>
    </section>`,
  };
}
