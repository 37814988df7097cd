// What a work package's row offers its viewer, as the server says (WorkPackageDto.actions): the owner's people edit
// and delete it; the lead's people give another firm's package to a firm; everyone else is told whose it is.
import type { WorkPackageDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";

export interface PackageControls {
  edit: boolean;
  delete: boolean;
  /** A choice of firm in the row: for a package the viewer may give away but not edit (its own are given from their form). */
  reassign: boolean;
  /** Nothing to offer: the row names the firm that edits it. */
  ownerOnly: boolean;
}

export function packageControls(p: Pick<WorkPackageDto, "actions">): PackageControls {
  const edit = allows(p.actions, "Edit");
  const reassign = !edit && allows(p.actions, "Reassign");
  return { edit, delete: allows(p.actions, "Delete"), reassign, ownerOnly: !edit && !reassign };
}
