import { describe, expect, it } from "vitest";
import { buildPostDetails, emptyPostForm, publishRequest } from "./board-data";

describe("a post's request", () => {
  it("sends what was typed, trimmed, with the comune's code, the amount in euros and no tender when none is chosen", () => {
    const form = {
      ...emptyPostForm("Request"),
      title: "  Cerchiamo un elettricista  ",
      text: " Due scuole a Bologna. ",
      cpv: [{ code: "45310000-3", labelIt: "Impianti", labelEn: "Electrical" }],
      comune: { code: "037006", name: "Bologna", provinceSigla: "BO", provinceName: "Bologna", regionName: "Emilia-Romagna" },
      amount: "180000",
      expiresOn: "2027-01-31",
    };
    const built = buildPostDetails(form);
    expect(built).toEqual({
      body: {
        kind: "Request",
        title: "Cerchiamo un elettricista",
        text: "Due scuole a Bologna.",
        cpv: ["45310000-3"],
        comuneCode: "037006",
        value: { amount: 180000, currency: "EUR" },
        expiresOn: "2027-01-31",
        tenderId: null,
      },
    });
    if ("body" in built) expect(publishRequest("f1", built.body).firmId).toBe("f1");
  });

  it("leaves out what was not given, for the server to name, and refuses an amount that is no number", () => {
    expect(buildPostDetails(emptyPostForm())).toEqual({
      body: { kind: "Offer", title: "", text: "", cpv: [], comuneCode: null, value: null, expiresOn: null, tenderId: null },
    });
    expect(buildPostDetails({ ...emptyPostForm(), amount: "molti" })).toEqual({ errors: { "value.amount": [expect.objectContaining({ code: "money.amount" })] } });
  });
});
