// What the tender says its viewer may do (server: TenderState.ViewFor): `actions` for the buyer, `viewerFirms` for
// each of the viewer's firms. The page reads them here and never re-derives a rule from roles or statuses.
import type { TenderDto } from "../../api/types";
import type { ViewerActions } from "../../api/viewer-actions";
import { refusalText } from "../../i18n/refusals";
import { sameId } from "../../ids";

export type TenderFirmActions = TenderDto["viewerFirms"][number]["actions"];

const none: TenderFirmActions = { allowed: [], blocked: [] };

/** The viewer takes part in the buyer's actions (allowed or blocked now): they act for the buyer. */
export const actsForBuyer = (tender: TenderDto): boolean => takesPart(tender.actions);

/** What the viewer may do for one of their firms; nothing for a firm the tender does not know them by. */
export const firmActions = (tender: TenderDto, firmId: string): TenderFirmActions =>
  tender.viewerFirms.find((f) => sameId(f.firmId, firmId))?.actions ?? none;

export const takesPart = (actions: ViewerActions<string>): boolean => actions.allowed.length > 0 || actions.blocked.length > 0;

/**
 * What the viewer is told of why blocked actions wait, in the server's words, once each: every blocker but the
 * tender's stage (`tender.wrongStatus`: the status on the page says that already).
 */
export const whyBlocked = (blockers: readonly { code: string; args: Record<string, string> }[]): string[] => [
  ...new Set(blockers.filter((b) => b.code !== "tender.wrongStatus").map((b) => refusalText(b.code, b.args) ?? b.code)),
];
