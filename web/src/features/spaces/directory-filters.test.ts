import { describe, expect, it } from "vitest";
import type { SpaceDirectoryEntryDto } from "../../api/types";
import {
  apiQuery,
  cpvFromText,
  cpvPrefix,
  emptyFilters,
  filtersFromQuery,
  hashQuery,
  hasFilters,
  hasNextPage,
  isComuneCode,
  pageCount,
  parseRadius,
  queryFromFilters,
  spaceHash,
  totalKind,
  type DirectoryFilters,
} from "./directory-filters";

const id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

const filters = (patch: Partial<DirectoryFilters>): DirectoryFilters => ({ ...emptyFilters(), ...patch });

describe("directory filters in the address", () => {
  it("reads every filter from a shared link", () => {
    const read = filtersFromQuery(
      hashQuery(`#/spaces/${id}?q=restauro%20BIM&cpv=45&comune=037006&province=bo&region=Emilia-Romagna&near=037006&radiusKm=50&size=Small&verified=true&page=3`),
    );
    expect(read).toEqual({
      q: "restauro BIM",
      cpv: "45",
      comune: "037006",
      province: "BO",
      region: "Emilia-Romagna",
      near: "037006",
      radiusKm: 50,
      size: "Small",
      verified: true,
      page: 3,
    });
  });

  it("gives the empty search for a page without a query", () => {
    expect(filtersFromQuery(hashQuery(`#/spaces/${id}`))).toEqual(emptyFilters());
  });

  it("drops what the client cannot mean, and keeps what the server should explain", () => {
    const read = filtersFromQuery(new URLSearchParams("size=Huge&page=-2&verified=yes&radiusKm=far&cpv=4&near=999999"));
    expect(read.size).toBe("");
    expect(read.page).toBe(1);
    expect(read.verified).toBe(false);
    expect(read.radiusKm).toBeNull();
    // The server answers 400 for these, and the page shows why under the filter.
    expect(read.cpv).toBe("4");
    expect(read.near).toBe("999999");
    expect(filtersFromQuery(new URLSearchParams("page=2.5")).page).toBe(1);
    expect(filtersFromQuery(new URLSearchParams("page=5000")).page).toBe(1000);
    expect(filtersFromQuery(new URLSearchParams("verified=1")).verified).toBe(true);
  });

  it("writes only the filters set, in a fixed order, so the same search gives the same link", () => {
    expect(queryFromFilters(filters({ near: "037006", cpv: "45" })).toString()).toBe("cpv=45&near=037006");
    expect(queryFromFilters(filters({ q: "  impianti elettrici ", verified: true, page: 2 })).toString()).toBe(
      "q=impianti+elettrici&verified=true&page=2",
    );
    expect(queryFromFilters(emptyFilters()).toString()).toBe("");
  });

  it("keeps the radius only with a comune to search around, and not when it is the default", () => {
    expect(queryFromFilters(filters({ near: "037006", radiusKm: 50 })).toString()).toBe("near=037006&radiusKm=50");
    expect(queryFromFilters(filters({ near: "037006", radiusKm: 25 })).toString()).toBe("near=037006");
    expect(queryFromFilters(filters({ radiusKm: 50 })).toString()).toBe("");
  });

  it("round-trips through the address", () => {
    const search = filters({ q: "verde", cpv: "77310000", province: "BO", near: "037006", radiusKm: 80, size: "Medium", verified: true, page: 4 });
    expect(filtersFromQuery(hashQuery(spaceHash(id, search)))).toEqual(search);
    expect(spaceHash(id, emptyFilters())).toBe(`#/spaces/${id}`);
    expect(spaceHash(id, filters({ cpv: "45", near: "037006" }))).toBe(`#/spaces/${id}?cpv=45&near=037006`);
    expect(spaceHash(id, filters({ q: "Verdi" }), "members")).toBe(`#/spaces/${id}/members?q=Verdi`);
  });

  it("tells whether any filter narrows the search, the page apart", () => {
    expect(hasFilters(emptyFilters())).toBe(false);
    expect(hasFilters(filters({ page: 3 }))).toBe(false);
    expect(hasFilters(filters({ q: "   " }))).toBe(false);
    expect(hasFilters(filters({ verified: true }))).toBe(true);
    expect(hasFilters(filters({ province: "MO" }))).toBe(true);
  });
});

describe("the API query", () => {
  it("names the server's query parameters and always says the page and its size", () => {
    expect(apiQuery(filters({ cpv: "45", size: "Micro" }))).toEqual({ cpv: "45", size: "Micro", page: 1, pageSize: 20 });
    expect(apiQuery(filters({ verified: true, page: 2 }), 50)).toEqual({ verified: true, page: 2, pageSize: 50 });
  });

  it("sends the radius with a comune to search around, even the default, and never without one", () => {
    expect(apiQuery(filters({ near: "037006", radiusKm: 25 }))).toMatchObject({ near: "037006", radiusKm: 25 });
    expect(apiQuery(filters({ near: "037006" }))).not.toHaveProperty("radiusKm");
    expect(apiQuery(filters({ radiusKm: 50 }))).not.toHaveProperty("radiusKm");
  });
});

describe("typed filters", () => {
  it.each([
    ["45", "45"],
    ["45210000", "45210000"],
    [" 45210000-2 ", "45210000"],
    ["", ""],
    ["  ", ""],
    ["edilizia", null],
    ["4", null],
    ["452100001", null],
    ["45 lavori", null],
  ])("CPV %j → %j", (text, expected) => {
    expect(cpvFromText(text)).toBe(expected);
  });

  it("reads a CPV filter as the server does: trailing zeros go, down to the division", () => {
    expect(cpvPrefix("45000000")).toBe("45");
    expect(cpvPrefix("45210000")).toBe("4521");
    expect(cpvPrefix("45210000-2")).toBe("4521");
    expect(cpvPrefix("45")).toBe("45");
    expect(cpvPrefix("40")).toBe("40");
    expect(cpvPrefix("03000000")).toBe("03");
    expect(cpvPrefix("words")).toBeNull();
    expect(cpvPrefix("")).toBeNull();
  });

  it("takes an ISTAT code typed into a comune box", () => {
    expect(isComuneCode("037006")).toBe(true);
    expect(isComuneCode(" 037006 ")).toBe(true);
    expect(isComuneCode("37006")).toBe(false);
    expect(isComuneCode("Bologna")).toBe(false);
  });

  it("reads a radius written either way", () => {
    expect(parseRadius("50")).toBe(50);
    expect(parseRadius("12,5")).toBe(12.5);
    expect(parseRadius("")).toBeNull();
    expect(parseRadius("lontano")).toBeNull();
  });
});

describe("totals and pages", () => {
  const page = (patch: Partial<{ total: number; totalIsLowerBound: boolean; page: number; pageSize: number; items: SpaceDirectoryEntryDto[] }>) => ({
    total: 3,
    totalIsLowerBound: false,
    page: 1,
    pageSize: 20,
    items: [] as SpaceDirectoryEntryDto[],
    ...patch,
  });

  it("says 'more than' when the server stopped counting", () => {
    expect(totalKind(page({ total: 200, totalIsLowerBound: true }))).toBe("moreThan");
    expect(totalKind(page({ total: 200 }))).toBe("exact");
  });

  it("counts the pages only when the total is exact", () => {
    expect(pageCount(page({ total: 0 }))).toBe(1);
    expect(pageCount(page({ total: 20 }))).toBe(1);
    expect(pageCount(page({ total: 21 }))).toBe(2);
    expect(pageCount(page({ total: 200, totalIsLowerBound: true }))).toBeNull();
  });

  it("offers a next page while there are more, and past the count when the page is full", () => {
    expect(hasNextPage(page({ total: 21, items: Array(20) }))).toBe(true);
    expect(hasNextPage(page({ total: 21, page: 2, items: Array(1) }))).toBe(false);
    expect(hasNextPage(page({ total: 3, items: Array(3) }))).toBe(false);
    expect(hasNextPage(page({ total: 200, totalIsLowerBound: true, page: 10, items: Array(20) }))).toBe(true);
    expect(hasNextPage(page({ total: 200, totalIsLowerBound: true, page: 12, items: Array(7) }))).toBe(false);
    expect(hasNextPage(page({ total: 200, totalIsLowerBound: true, page: 1000, items: Array(20) }))).toBe(false);
  });
});
