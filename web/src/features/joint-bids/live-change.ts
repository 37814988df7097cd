// A change of the joint bid heard on the alliance's group, applied to the bid on screen without reading it again.
// The server sends each stored change once to every watcher (JointBidChanged: what they all see alike, with what a
// reader may do), in the message to each firm's editors with their firm's part (forFirm: what they may now do). A
// viewer who edits for one firm takes that firm's part; one who edits for none, the readers'. Whatever cannot be
// applied exactly is read again: a version missed in between, a change the message does not carry (an answer, a
// file, a submission), or a viewer who edits for several firms (what they may do is no single firm's part).
import type { JointBidDto, WorkPackageDto } from "../../api/types";
import type { JointBidActionsChange, JointBidChange } from "../../realtime/hub";
import { sameId } from "../../ids";

/** What to do with a change heard: show it (the bid it makes), wait for the viewer's firm's part, read the bid again, or nothing (already shown). */
export type LiveStep = { kind: "apply"; bid: JointBidDto } | { kind: "wait" } | { kind: "reload" } | { kind: "shown" };

/** Lot, then title: the order the server lists work packages in. */
const byLotAndTitle = (a: WorkPackageDto, b: WorkPackageDto): number => a.lot - b.lot || a.title.localeCompare(b.title);

/**
 * The next step for the bid shown, given the last change heard and the last part heard for the viewer's firm (either
 * may come first: in a cluster they travel on two channels).
 */
export function liveStep(bid: JointBidDto, change: JointBidChange, part: JointBidActionsChange | null): LiveStep {
  if (change.version <= bid.version) return { kind: "shown" };
  if (change.version !== bid.version + 1 || change.edit === "Other" || bid.viewerFirms.length > 1) return { kind: "reload" };
  const firm = bid.viewerFirms[0]?.firmId ?? null;
  if (firm === null) return { kind: "apply", bid: applied(bid, change, null) };
  if (part === null || part.version !== change.version || !sameId(part.firmId, firm)) return { kind: "wait" };
  return { kind: "apply", bid: applied(bid, change, part) };
}

function applied(bid: JointBidDto, change: JointBidChange, part: JointBidActionsChange | null): JointBidDto {
  let workPackages = bid.workPackages;
  if (change.edit === "PackageSaved" && change.package) {
    const saved: WorkPackageDto = { ...change.package, actions: part ? part.packageActions : change.package.actions };
    workPackages = [...workPackages.filter((w) => !sameId(w.id, saved.id)), saved].sort(byLotAndTitle);
  } else if (change.edit === "PackageDeleted" && change.deletedPackageId)
    workPackages = workPackages.filter((w) => !sameId(w.id, change.deletedPackageId!));
  return {
    ...bid,
    workPackages,
    lotPrices: change.lotPrices,
    shares: change.shares,
    digest: change.digest,
    signOffs: change.signOffs,
    awaitingSignature: change.awaitingSignature,
    changedSinceSubmission: change.changedSinceSubmission,
    version: change.version,
    updatedAt: change.updatedAt,
    window: change.window,
    actions: part ? part.actions : change.actions,
    viewerFirms: part ? [part.viewerFirm] : [],
  };
}
