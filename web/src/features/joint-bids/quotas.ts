// The joint bid's quotas as the form holds them: per lot and bidding firm, the participation and execution
// percentages as typed. The server judges them (QuotaRules); here they are only read from the bid, typed, and sent.
import type { AllianceDto, JointBidDto, SaveQuotasRequest } from "../../api/types";
import { sameId } from "../../ids";

/** What is typed for one firm in one lot; both empty means the firm takes no part in the lot. */
export interface QuotaCell {
  participation: string;
  execution: string;
}

/** The typed quotas by `lot|firmId` (the firm's id in lower case). */
export type QuotaFields = Record<string, QuotaCell>;

export const cellKey = (lot: number, firmId: string): string => `${lot}|${firmId.toLowerCase()}`;

/** A number as the form shows it: up to two decimals, with the reader's decimal separator. */
export const typedPercent = (value: number, lang: "it" | "en"): string =>
  lang === "it" ? String(value).replace(".", ",") : String(value);

/** The quotas the bid holds, as the form starts from them. */
export function fieldsOf(bid: Pick<JointBidDto, "quotas">, lang: "it" | "en"): QuotaFields {
  const fields: QuotaFields = {};
  for (const q of bid.quotas)
    fields[cellKey(q.lot, q.firm.id)] = { participation: typedPercent(q.participation, lang), execution: typedPercent(q.execution, lang) };
  return fields;
}

const emptyCell = (c: QuotaCell | undefined) => !c || (c.participation.trim() === "" && c.execution.trim() === "");

/** Two forms say the same quotas: the same cells, ignoring blank ones and spaces. */
export function sameQuotas(a: QuotaFields, b: QuotaFields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k], y = b[k];
    if (emptyCell(x) && emptyCell(y)) continue;
    if (!x || !y || parsePercent(x.participation) !== parsePercent(y.participation) || parsePercent(x.execution) !== parsePercent(y.execution))
      return false;
  }
  return true;
}

/**
 * A typed percentage as a number: "60", "60,5" or "60.5"; null when left empty, NaN when it is not a number (the
 * server names a wrong value; this one cannot be sent as a number at all).
 */
export function parsePercent(typed: string): number | null {
  const text = typed.trim().replace(",", ".");
  if (text === "") return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** The firms that bid (lead first, then the members by name): they, and only they, declare quotas. */
export function biddingFirms(alliance: Pick<AllianceDto, "members" | "lead">): { id: string; name: string; lead: boolean }[] {
  return alliance.members
    .filter((m) => m.standing === "Active" && m.role !== "Subcontractor")
    .map((m) => ({ id: m.firmId, name: m.name, lead: sameId(m.firmId, alliance.lead.id) }))
    .sort((a, b) => Number(b.lead) - Number(a.lead) || a.name.localeCompare(b.name, "it"));
}

/** The lots the quotas are declared for: those with work packages or quotas, in order. */
export function quotaLots(bid: Pick<JointBidDto, "workPackages" | "quotas">): number[] {
  return [...new Set([...bid.workPackages.map((p) => p.lot), ...bid.quotas.map((q) => q.lot)])].sort((a, b) => a - b);
}

export interface QuotaRow {
  lot: number;
  firmId: string;
}

/**
 * The request for what is typed, and which cell each row came from (the server names `quotas[i].…`). A cell left
 * blank on both sides is no row; one side blank is sent as missing, for the server to name. Not-a-number cells are
 * returned apart: the form names them itself.
 */
export function quotasRequest(
  fields: QuotaFields,
  version: number,
  lots: readonly number[],
  firms: readonly { id: string }[],
): { request: SaveQuotasRequest; rows: QuotaRow[]; invalid: string[] } {
  const rows: QuotaRow[] = [];
  const quotas: SaveQuotasRequest["quotas"] = [];
  const invalid: string[] = [];
  for (const lot of lots)
    for (const firm of firms) {
      const cell = fields[cellKey(lot, firm.id)];
      if (emptyCell(cell)) continue;
      const participation = parsePercent(cell!.participation);
      const execution = parsePercent(cell!.execution);
      if (Number.isNaN(participation)) invalid.push(`${cellKey(lot, firm.id)}|participation`);
      if (Number.isNaN(execution)) invalid.push(`${cellKey(lot, firm.id)}|execution`);
      rows.push({ lot, firmId: firm.id });
      quotas!.push({ lot, firmId: firm.id, participation, execution });
    }
  return { request: { version, quotas }, rows, invalid };
}

/** The sum typed in one lot for one kind of quota, to two decimals; null when nothing is typed. */
export function typedSum(fields: QuotaFields, lot: number, firms: readonly { id: string }[], kind: keyof QuotaCell): number | null {
  const values = firms.map((f) => parsePercent(fields[cellKey(lot, f.id)]?.[kind] ?? "")).filter((v): v is number => v !== null);
  if (values.length === 0 || values.some(Number.isNaN)) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}
