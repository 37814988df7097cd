import { describe, expect, it } from "vitest";
import { dgueRequest } from "./dgue-section";

describe("dgueRequest", () => {
  it("sends each answered ground with its explanation only when it applies, and the criteria chosen", () => {
    const body = dgueRequest(7, {
      answers: [
        { ground: "convictions", applies: false, explanation: "resto di una bozza" },
        { ground: "taxesFinal", applies: true, explanation: "Rateizzazione accolta" },
      ],
      categories: new Set(["OS30"]),
      figures: true,
    });

    expect(body).toEqual({
      version: 7,
      answers: [
        { ground: "convictions", applies: false, explanation: null },
        { ground: "taxesFinal", applies: true, explanation: "Rateizzazione accolta" },
      ],
      selection: { categories: ["OS30"], figures: true },
    });
  });

  it("leaves out a ground not answered yet, for the server to name", () => {
    const body = dgueRequest(1, { answers: [{ ground: "antimafia", applies: null, explanation: "" }], categories: new Set(), figures: false });

    expect(body.answers).toEqual([]);
  });
});
