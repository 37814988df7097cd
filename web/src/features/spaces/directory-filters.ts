// A space's directory search: the filters as the page holds them, as the address (#/spaces/{id}?cpv=45&near=037006)
// keeps them so that a search can be shared and survives a reload, and as the API's query
// (GET /api/spaces/{id}/directory, Marketplace.Data/ReadModels/DirectorySearch.cs).
import { href, type SpaceTab } from "../../router";
import type { BusinessSize, DirectoryQuery, SpaceDirectoryPageDto } from "../../api/types";

export const sizes: readonly BusinessSize[] = ["Micro", "Small", "Medium", "Large"];

/** The server's limits for "within N km of a comune". */
export const DEFAULT_RADIUS_KM = 25;
export const MIN_RADIUS_KM = 1;
export const MAX_RADIUS_KM = 300;
export const PAGE_SIZE = 20;
/** The server's last page (DirectorySearch.MaxPage). */
export const MAX_PAGE = 1000;

export interface DirectoryFilters {
  /** Words in names, descriptions, tags and CPV labels. */
  q: string;
  /** A CPV code or its first digits, as typed (the server checks it): "45" finds every 45xxxxxx code. */
  cpv: string;
  /** ISTAT code of one comune. */
  comune: string;
  /** Province sigla, e.g. BO. */
  province: string;
  region: string;
  /** ISTAT code of the comune to search around. */
  near: string;
  /** The radius around `near`; null for the default. */
  radiusKm: number | null;
  size: BusinessSize | "";
  verified: boolean;
  page: number;
}

export const emptyFilters = (): DirectoryFilters => ({
  q: "",
  cpv: "",
  comune: "",
  province: "",
  region: "",
  near: "",
  radiusKm: null,
  size: "",
  verified: false,
  page: 1,
});

const isSize = (value: string): value is BusinessSize => (sizes as readonly string[]).includes(value);

/** A whole number of pages, 1 … MAX_PAGE; anything else is page 1. */
function pageNumber(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
}

/** A radius as typed or read from an address; null when it is not a number (the default then applies). */
export function parseRadius(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const n = Number(raw.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads the filters from the address's query. Values the server checks itself (a CPV code, a comune, a
 * province) are kept as they are, so that a wrong one in a shared link is explained by the field it belongs to;
 * a size the client does not know, or a page that is not a number, is dropped.
 */
export function filtersFromQuery(params: URLSearchParams): DirectoryFilters {
  const text = (name: string) => params.get(name)?.trim() ?? "";
  const size = text("size");
  const verified = text("verified").toLowerCase();
  return {
    q: text("q"),
    cpv: text("cpv"),
    comune: text("comune"),
    province: text("province").toUpperCase(),
    region: text("region"),
    near: text("near"),
    radiusKm: parseRadius(params.get("radiusKm")),
    size: isSize(size) ? size : "",
    verified: verified === "true" || verified === "1",
    page: pageNumber(params.get("page")),
  };
}

/**
 * The query for the address: only the filters set, always in the same order, so that the same search gives the
 * same link. The radius goes with a comune to search around, and only when it is not the default.
 */
export function queryFromFilters(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value.trim() !== "") params.set(name, value.trim());
  };
  put("q", filters.q);
  put("cpv", filters.cpv);
  put("comune", filters.comune);
  put("province", filters.province);
  put("region", filters.region);
  put("near", filters.near);
  if (filters.near.trim() !== "" && filters.radiusKm !== null && filters.radiusKm !== DEFAULT_RADIUS_KM)
    params.set("radiusKm", String(filters.radiusKm));
  put("size", filters.size);
  if (filters.verified) params.set("verified", "true");
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The query of a hash route: "#/spaces/x?cpv=45" → cpv=45. */
export const hashQuery = (hash: string): URLSearchParams => {
  const mark = hash.indexOf("?");
  return new URLSearchParams(mark < 0 ? "" : hash.slice(mark + 1));
};

/** The hash of a space's page (at its tab `tab`) with its search: "#/spaces/{id}" alone when no filter is set. */
export function spaceHash(spaceId: string, filters: DirectoryFilters, tab?: SpaceTab): string {
  const query = queryFromFilters(filters).toString();
  const page = tab ? href({ name: "space", id: spaceId, tab }) : href({ name: "space", id: spaceId });
  return query ? `${page}?${query}` : page;
}

/** The API's query: the same filters as the address, plus the page size; the radius only with a comune to search around. */
export function apiQuery(filters: DirectoryFilters, pageSize = PAGE_SIZE): DirectoryQuery {
  const query: DirectoryQuery = { page: filters.page, pageSize };
  const texts = ["q", "cpv", "comune", "province", "region", "near"] as const;
  for (const name of texts) if (filters[name].trim() !== "") query[name] = filters[name].trim();
  if (filters.near.trim() !== "" && filters.radiusKm !== null) query.radiusKm = filters.radiusKm;
  if (filters.size !== "") query.size = filters.size;
  if (filters.verified) query.verified = true;
  return query;
}

/** Whether any filter narrows the search (the page does not count). */
export const hasFilters = (filters: DirectoryFilters): boolean =>
  queryFromFilters({ ...filters, page: 1 }).toString() !== "";

/** The query fields the server may refuse (400), each shown under its own filter. */
export const filterFields = ["q", "cpv", "comune", "province", "region", "near", "radiusKm", "size", "verified"] as const;

/**
 * What a typed CPV filter means: the digits of a code (the check digit after "-" dropped) when it looks like one,
 * "" when it is empty, and null for words (the user is looking for a code by its name: pick it from the list).
 */
export function cpvFromText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  const match = /^(\d{2,8})(?:-\d)?$/.exec(trimmed);
  return match ? match[1]! : null;
}

/**
 * The digits every code the filter finds starts with, as the server reads it (DirectorySearch.Normalize): trailing
 * zeros go, down to the division. "45000000" → "45", "45210000" → "4521", "4" → null (not a code).
 */
export function cpvPrefix(cpv: string): string | null {
  const digits = cpvFromText(cpv);
  if (!digits) return null;
  return digits.replace(/0+$/, "").padEnd(2, "0");
}

/** A comune's ISTAT code typed straight into a comune filter. */
export const isComuneCode = (text: string): boolean => /^\d{6}$/.test(text.trim());

/** How the total reads: an exact count, or "more than" when the server stopped counting. */
export const totalKind = (page: Pick<SpaceDirectoryPageDto, "totalIsLowerBound">): "exact" | "moreThan" =>
  page.totalIsLowerBound ? "moreThan" : "exact";

/** The number of pages when the total is exact; null when the server stopped counting. */
export const pageCount = (page: Pick<SpaceDirectoryPageDto, "total" | "totalIsLowerBound" | "pageSize">): number | null =>
  page.totalIsLowerBound ? null : Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize)));

/** Whether there is a page after this one. Past the counted total, a full page means there may be more. */
export function hasNextPage(page: Pick<SpaceDirectoryPageDto, "total" | "totalIsLowerBound" | "page" | "pageSize" | "items">): boolean {
  if (page.page >= MAX_PAGE) return false;
  if (page.page * page.pageSize < page.total) return true;
  return page.totalIsLowerBound && page.items.length === page.pageSize;
}
