import { describe, expect, it } from "vitest";
import { LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { biddingFirms, cellKey, fieldsOf, parsePercent, quotaLots, quotasRequest, sameQuotas, typedSum } from "./quotas";
import { jointBidDto, workPackage, firm } from "./test-fixtures";

const firms = [{ id: LEAD }, { id: MEMBER }];

describe("the quotas form", () => {
  it("reads percentages typed the Italian or the English way, and tells an empty cell from a wrong one", () => {
    expect(parsePercent("60")).toBe(60);
    expect(parsePercent(" 60,5 ")).toBe(60.5);
    expect(parsePercent("33.33")).toBe(33.33);
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("sessanta")).toBeNaN();
    expect(parsePercent("-5")).toBeNaN();
  });

  it("sends a row for each firm with a quota in a lot, leaves out the firms left blank, and sends a half-filled one for the server to name", () => {
    const fields = {
      [cellKey(1, LEAD)]: { participation: "60", execution: "60" },
      [cellKey(1, MEMBER)]: { participation: "40", execution: "" },
      [cellKey(2, MEMBER)]: { participation: "", execution: "" },
    };

    const { request, rows, invalid } = quotasRequest(fields, 3, [1, 2], firms);

    expect(request).toEqual({
      version: 3,
      quotas: [
        { lot: 1, firmId: LEAD, participation: 60, execution: 60 },
        { lot: 1, firmId: MEMBER, participation: 40, execution: null },
      ],
    });
    expect(rows).toEqual([{ lot: 1, firmId: LEAD }, { lot: 1, firmId: MEMBER }]);
    expect(invalid).toEqual([]);
  });

  it("names the cells that are not numbers instead of sending them", () => {
    const { invalid } = quotasRequest({ [cellKey(1, LEAD)]: { participation: "sessanta", execution: "60" } }, 0, [1], firms);
    expect(invalid).toEqual([`${cellKey(1, LEAD)}|participation`]);
  });

  it("starts from the bid's quotas in the reader's notation, and knows an unchanged form", () => {
    const bid = jointBidDto({ quotas: [{ lot: 1, firm: firm(LEAD), participation: 60.5, execution: 60.5 }] });
    const it_ = fieldsOf(bid, "it");
    expect(it_[cellKey(1, LEAD)]).toEqual({ participation: "60,5", execution: "60,5" });
    expect(sameQuotas(it_, fieldsOf(bid, "en"))).toBe(true);
    expect(sameQuotas(it_, { ...it_, [cellKey(1, MEMBER)]: { participation: "", execution: "" } })).toBe(true);
    expect(sameQuotas(it_, { ...it_, [cellKey(1, LEAD)]: { participation: "61", execution: "60,5" } })).toBe(false);
  });

  it("adds up what is typed in a lot, and says nothing while a cell is not a number", () => {
    const fields = { [cellKey(1, LEAD)]: { participation: "60,25", execution: "" }, [cellKey(1, MEMBER)]: { participation: "39.75", execution: "" } };
    expect(typedSum(fields, 1, firms, "participation")).toBe(100);
    expect(typedSum(fields, 1, firms, "execution")).toBeNull();
    expect(typedSum({ [cellKey(1, LEAD)]: { participation: "x", execution: "" } }, 1, firms, "participation")).toBeNull();
  });

  it("asks the lead and the members, never a subcontractor, for the lots the bid has packages or quotas in", () => {
    const alliance = {
      lead: firm(LEAD),
      members: [
        { firmId: SUB, name: "Verdi Serramenti", role: "Subcontractor", standing: "Active" },
        { firmId: MEMBER, name: "Impianti Bianchi", role: "Member", standing: "Active" },
        { firmId: LEAD, name: "Edil Rossi", role: "Lead", standing: "Active" },
        { firmId: "f-left", name: "Andata Via", role: "Member", standing: "Left" },
      ],
    } as unknown as Parameters<typeof biddingFirms>[0];
    expect(biddingFirms(alliance).map((f) => [f.name, f.lead])).toEqual([
      ["Edil Rossi", true],
      ["Impianti Bianchi", false],
    ]);
    const bid = jointBidDto({ workPackages: [workPackage("a", { lot: 2 })], quotas: [{ lot: 3, firm: firm(LEAD), participation: 100, execution: 100 }] });
    expect(quotaLots(bid)).toEqual([2, 3]);
  });
});
