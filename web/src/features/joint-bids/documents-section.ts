// The joint bid's documents: each firm uploads its own files and attaches them, as soon as they are chosen, for the
// firm the viewer acts for (chosen when they act for several). The firm that attached a file, or the lead, takes it
// off. Like any edit, attaching or taking off a file makes a new digest and voids every approval. Whether a firm may
// attach now, and how many more files the bid takes, is the server's word (viewerFirms' Attach, documentsLeft): a
// full bid says so instead of offering an upload it would refuse.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, AttachDocumentsRequest, JointBidDto, JointDocumentDto, NamedDto } from "../../api/types";
import { currentLanguage, t, tn } from "../../i18n";
import { roleInText } from "../alliances/alliance-views";
import { filePicker } from "../../file-picker";
import { uploadDocuments } from "../tenders/documents-field";
import { documentAccept, formatFileSize } from "../tenders/documents";
import { allows, blockersOf, offers } from "../../api/viewer-actions";
import { refusalText } from "../../i18n/refusals";
import { shortDigest } from "./documents";
import { sameId } from "../../ids";
import { failed, statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

const INPUT = "joint-document-input";

/** The firms the viewer attaches files for, as the server lists them (allowed or blocked now), by name. */
const editorsOf = (bid: JointBidDto, alliance: AllianceDto): NamedDto[] =>
  bid.viewerFirms
    .filter((f) => offers(f.actions, "Attach"))
    .map((f) => ({ id: f.firmId, name: alliance.members.find((m) => sameId(m.firmId, f.firmId))?.name ?? "" }));

/** Why the server would refuse the firm's files now (a full bid), or null. */
const attachBlocker = (bid: JointBidDto, firm: NamedDto) => {
  const actions = bid.viewerFirms.find((f) => sameId(f.firmId, firm.id))?.actions;
  return actions ? (blockersOf(actions, "Attach")[0] ?? null) : null;
};
const FIRM = "joint-document-firm";

export function documentsSection(ws: WorkspaceContext) {
  /** The firm chosen to attach for, when the viewer acts for several; the first of them until they choose. */
  let chosenFirm: string | null = null;
  /** The file being uploaded. */
  let uploading: string | null = null;
  /** Files refused before they could be attached; made when shown, so that they follow a change of language. */
  let problems: (() => string)[] = [];
  let status: Status | null = null;

  const firmFor = (editors: readonly NamedDto[]): NamedDto | undefined =>
    editors.find((f) => chosenFirm !== null && sameId(f.id, chosenFirm)) ?? editors[0];

  async function attach(files: File[]): Promise<void> {
    const bid = ws.bid();
    if (!bid || files.length === 0 || uploading !== null) return;
    const alliance = ws.alliance();
    if (!alliance) return;
    const firm = firmFor(editorsOf(bid, alliance));
    if (!firm) return;
    problems = [];
    status = null;
    // The bid would refuse them all once uploaded: nothing is sent.
    if (files.length > bid.documentsLeft) {
      const left = bid.documentsLeft;
      problems = [() => tn("jointBid.documents.room", left)];
      ws.redraw();
      return;
    }
    const uploaded = await uploadDocuments(firm.id, files, {
      uploading: (name) => {
        uploading = name;
        ws.redraw();
      },
      added: () => undefined,
      failed: (problem) => problems.push(problem),
    });
    if (uploaded.length === 0) return;
    const body: AttachDocumentsRequest = { firmId: firm.id, documents: uploaded.map((d) => d.id) };
    const outcome = await ws.run(() => api.attachJointDocuments(ws.allianceId, body), {
      shown: [],
      // The messages quote the files by their names, not their ids.
      sent: { firmId: firm.id, documents: uploaded.map((d) => d.name) },
      done: () => tn("jointBid.documents.attached", uploaded.length, { firm: firm.name }),
    });
    status = outcome ?? failed(() => t("jointBid.documents.retry"));
    ws.redraw();
  }

  async function detach(d: JointDocumentDto): Promise<void> {
    problems = [];
    status = null;
    const name = d.document.name;
    const outcome = await ws.run(() => api.detachJointDocument(ws.allianceId, d.document.id), {
      done: () => t("jointBid.documents.removed", { name }),
    });
    if (!outcome) return;
    status = outcome;
    ws.redraw();
  }

  function itemView(d: JointDocumentDto, alliance: AllianceDto, removable: boolean) {
    const mine = alliance.myFirms.some((f) => sameId(f, d.firm.id));
    return html`<li class="document joint-document" data-testid="joint-document" data-document-id=${d.document.id} data-firm-id=${d.firm.id}>
      <span class="joint-document-main">
        <a class="doc-name" href=${api.jointDocumentUrl(ws.allianceId, d.document.id)} download=${d.document.name}
          data-testid="joint-document-download">${d.document.name}</a>
        <span class="joint-document-facts muted small">
          <span>${formatFileSize(d.document.size, currentLanguage())}</span>
          <span>${t("jointBid.documents.by", { firm: d.firm.name })}${mine ? html` <span class="badge mine">${t("alliance.yourFirm")}</span>` : nothing}</span>
          <code class="doc-digest" title=${t("jointBid.documents.digest", { digest: d.document.sha256 })}>${shortDigest(d.document.sha256)}</code>
        </span>
      </span>
      ${removable
        ? html`<button type="button" class="danger-outline joint-document-remove" data-testid="joint-document-remove" data-document-id=${d.document.id}
            ?disabled=${ws.busy() || uploading !== null} aria-label=${t("jointBid.documents.removeLabel", { name: d.document.name })}
            @click=${() => void detach(d)}>${t("jointBid.documents.remove")}</button>`
        : nothing}
    </li>`;
  }

  function addView(editors: readonly NamedDto[], alliance: AllianceDto) {
    const role = (f: NamedDto) => alliance.members.find((m) => sameId(m.firmId, f.id))?.role;
    const firm = firmFor(editors);
    const busy = ws.busy() || uploading !== null;
    const blocker = firm ? attachBlocker(ws.bid()!, firm) : null;
    return html`<div class="joint-document-add">
      ${editors.length > 1
        ? html`<div class="field">
            <label for=${FIRM}>${t("jointBid.documents.firm")}</label>
            <select id=${FIRM} data-testid=${FIRM} ?disabled=${busy}
              @change=${(ev: Event) => {
                chosenFirm = (ev.target as HTMLSelectElement).value;
                ws.redraw();
              }}>
              ${editors.map((f) => html`<option value=${f.id} ?selected=${firm !== undefined && sameId(f.id, firm.id)}>${f.name}${role(f) ? ` (${roleInText(role(f)!)})` : ""}</option>`)}
            </select>
          </div>`
        : nothing}
      ${blocker
        ? html`<p class="muted small" data-testid="joint-documents-blocked" data-code=${blocker.code}>${refusalText(blocker.code, blocker.args) ?? ""}</p>`
        : html`<div class="field documents-field">
            <label for=${INPUT}>${editors.length > 1 || !firm ? t("jointBid.documents.add") : t("jointBid.documents.addFor", { firm: firm.name })}</label>
            ${filePicker({
              id: INPUT, testid: INPUT, accept: documentAccept, multiple: true, disabled: busy,
              chosen: uploading ? [uploading] : [], onFiles: (files) => void attach(files),
            })}
            ${uploading ? html`<p class="muted small" role="status">${t("tenderForm.uploading", { name: uploading })}</p>` : nothing}
          </div>`}
    </div>`;
  }

  return {
    view(bid: JointBidDto, alliance: AllianceDto) {
      const editable = ws.editable();
      const editors = editable ? editorsOf(bid, alliance) : [];
      return html`<section class="card joint-documents" data-testid="joint-documents" aria-labelledby="joint-documents-title">
        <div class="section-head">
          <h3 id="joint-documents-title">${t("jointBid.documents.title")} <span class="count">${bid.documents.length}</span></h3>
        </div>
        <p class="muted small">${t("jointBid.documents.intro")}</p>
        ${bid.documents.length
          ? html`<ul class="documents joint-document-list">
              ${bid.documents.map((d) => itemView(d, alliance, allows(d.actions, "Detach")))}
            </ul>`
          : html`<p class="muted" data-testid="joint-documents-empty">${t("jointBid.documents.none")}</p>`}
        ${editors.length ? addView(editors, alliance) : nothing}
        ${problems.length
          ? html`<span class="field-error" role="alert" data-testid="joint-documents-problems">${problems.map((p) => html`<span>${p()}</span>`)}</span>`
          : nothing}
        ${statusView(status, bid, "joint-documents-status")}
      </section>`;
    },
  };
}
