// A sealed bid's receipt: when the server received it and the SHA-256 digest of exactly what was sealed, with a
// button to copy the digest. Shown for a firm's own bid (bid-panel.ts) and for an alliance's joint bid.
import { html, nothing } from "lit-html";
import type { ReceiptDto } from "../../api/types";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { formatSeconds } from "./dates";

export interface ReceiptTestids {
  root: string;
  time: string;
  digest: string;
  withdrawn: string;
  match: string;
}

/** The test ids of a firm's own bid's receipt on the tender page. */
export const bidReceiptTestids: ReceiptTestids = {
  root: "bid-receipt",
  time: "receipt-time",
  digest: "receipt-digest",
  withdrawn: "bid-withdrawn",
  match: "receipt-match",
};

export interface ReceiptOptions {
  testids: ReceiptTestids;
  /** The bid this receipt is for was withdrawn since. */
  withdrawn: boolean;
  /** Whether the stored content still matches the receipt; undefined when it is not known. */
  matches: boolean | undefined;
  /** One more line under the explanation. */
  note?: string;
  copier: Copier;
}

export interface Copier {
  copied(): boolean;
  copy(text: string): Promise<void>;
}

/** Copies to the clipboard and says "Copiata" for two seconds. */
export function copier(redraw: Redraw): Copier {
  let copied = false;
  return {
    copied: () => copied,
    async copy(text: string): Promise<void> {
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
        redraw();
        setTimeout(() => {
          copied = false;
          redraw();
        }, 2000);
      } catch {
        // No clipboard (an insecure context): the digest is on screen to select.
      }
    },
  };
}

export function receiptView(receipt: ReceiptDto, options: ReceiptOptions) {
  const { testids, withdrawn, matches } = options;
  return html`<div class="receipt ${withdrawn ? "withdrawn" : ""}" data-testid=${testids.root} data-submission=${receipt.submission}
    data-bid-id=${receipt.bidId}>
    <p class="receipt-head">
      <strong>${t("receipt.title")}</strong>
      <span class="muted small">${t("receipt.submission", { n: receipt.submission })}</span>
      ${withdrawn ? html`<span class="badge warn" data-testid=${testids.withdrawn}>${t("bidStatus.Withdrawn")}</span>` : nothing}
    </p>
    <dl class="receipt-facts">
      <div>
        <dt>${t("receipt.receivedAt")}</dt>
        <dd><time data-testid=${testids.time} datetime=${receipt.receivedAt}>${formatSeconds(receipt.receivedAt)}</time></dd>
      </div>
      <div>
        <dt>${t("receipt.digest")}</dt>
        <dd class="digest-line">
          <code class="digest" data-testid=${testids.digest}>${receipt.digest}</code>
          <button type="button" class="link copy" @click=${() => void options.copier.copy(receipt.digest)}>
            ${t(options.copier.copied() ? "receipt.copied" : "receipt.copy")}</button>
        </dd>
      </div>
      ${receipt.salt
        ? html`<div>
            <dt>${t("receipt.salt")}</dt>
            <dd><code class="digest" data-testid="receipt-salt">${receipt.salt}</code></dd>
          </div>`
        : nothing}
    </dl>
    <p class="small receipt-explain">${t("receipt.explain")}</p>
    ${options.note ? html`<p class="small receipt-explain">${options.note}</p>` : nothing}
    ${matches === undefined
      ? nothing
      : html`<p class="small ${matches ? "ok-text" : "warn-text"}" data-testid=${testids.match}
          data-matches=${matches ? "true" : "false"}>${t(matches ? "receipt.matches" : "receipt.mismatch")}</p>`}
  </div>`;
}
