// A change of the joint bid heard on the alliance's group, applied to the bid on screen without reading it again.
// The server sends each stored change once to every watcher (JointBidChanged: what they all see alike, with what a
// reader may do), in the message to each firm's editors with their firm's part (forFirm: what they may now do). A
// viewer who edits for one firm takes that firm's part; one who edits for none, the readers'. Whatever cannot be
// applied exactly is read again: a version missed in between, a change the message does not carry (an answer, a
// file, a submission), or a viewer who edits for several firms (what they may do is no single firm's part). Changes
// stored faster than they can be told come as one message, from the first one's version (since) to the last's.
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
  // A message may tell several changes as one, from change.since: it applies to any version from there on.
  if (change.since > bid.version || change.edit === "Other" || bid.viewerFirms.length > 1) return { kind: "reload" };
  const firm = bid.viewerFirms[0]?.firmId ?? null;
  if (firm === null) return { kind: "apply", bid: applied(bid, change, null) };
  if (part === null || part.version !== change.version || !sameId(part.firmId, firm)) return { kind: "wait" };
  return { kind: "apply", bid: applied(bid, change, part) };
}

function applied(bid: JointBidDto, change: JointBidChange, part: JointBidActionsChange | null): JointBidDto {
  const saved: WorkPackageDto[] = change.packages.map((p) => ({
    ...p,
    actions: part?.packageActions.find((a) => sameId(a.workPackageId, p.id))?.actions ?? p.actions,
  }));
  const replaced = (w: WorkPackageDto) => saved.some((s) => sameId(s.id, w.id)) || change.deletedPackageIds.some((id) => sameId(id, w.id));
  return {
    ...bid,
    workPackages: [...bid.workPackages.filter((w) => !replaced(w)), ...saved].sort(byLotAndTitle),
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
