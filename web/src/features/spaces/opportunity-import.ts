// The uploads of an OCDS release package to a space: an admin's import (POST /api/spaces/{id}/opportunities/import)
// and a member firm's proposal (POST /api/spaces/{id}/opportunities/proposals). Sent with XMLHttpRequest rather than
// the typed fetch client: only it reports how much of a large file has gone up, which the admin watches for a package
// of tens of megabytes. The paths and the answers are still the OpenAPI document's.
import { toApiError } from "../../api/problem";
import type { paths } from "../../api/schema";
import type { ImportResultDto, OpportunityProposalDto } from "../../api/types";
import { currentLanguage } from "../../i18n";

const importRoute = "/api/spaces/{id}/opportunities/import" satisfies keyof paths;
const proposalRoute = "/api/spaces/{id}/opportunities/proposals" satisfies keyof paths;

/** Where an upload stands: the file going up (bytes sent of the total), then the server checking (and applying) it. */
export type ImportPhase = { kind: "uploading"; sent: number; total: number } | { kind: "checking" };

export function importOpportunities(spaceId: string, file: File, progress: (phase: ImportPhase) => void): Promise<ImportResultDto> {
  return upload(importRoute.replace("{id}", encodeURIComponent(spaceId)), file, {}, progress);
}

/** A member firm proposes the package to the space's admins, with a note for them. */
export function proposeOpportunities(spaceId: string, firmId: string, note: string, file: File,
  progress: (phase: ImportPhase) => void): Promise<OpportunityProposalDto> {
  return upload(proposalRoute.replace("{id}", encodeURIComponent(spaceId)), file, { firmId, note }, progress);
}

function upload<T>(path: string, file: File, fields: Record<string, string>, progress: (phase: ImportPhase) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.upload.onprogress = (e) => progress({ kind: "uploading", sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    // The file is up: the server reads and checks it before it answers.
    xhr.upload.onload = () => progress({ kind: "checking" });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText === "" ? undefined : JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as T);
      else reject(toApiError(xhr.status, body, xhr.statusText));
    };
    xhr.onerror = () => reject(new TypeError("network"));
    const form = new FormData();
    // The fields first: the server reads who proposes before the file.
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", file, file.name);
    progress({ kind: "uploading", sent: 0, total: file.size });
    xhr.send(form);
  });
}
