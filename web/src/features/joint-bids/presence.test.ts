import { describe, expect, it } from "vitest";
import { initials, viewerRows } from "./presence";

const ME = "11111111-aaaa-0000-0000-000000000001";

describe("who is here", () => {
  it("lists each person once, the viewer first and marked, the others by name", () => {
    const rows = viewerRows(
      [
        { userId: "u3", name: "Zeno Gallo" },
        { userId: ME.toUpperCase(), name: "Giulia Rossi" },
        { userId: "u2", name: "Anna Verdi" },
        { userId: "U2", name: "Anna Verdi" },
      ],
      ME,
    );
    expect(rows.map((r) => [r.name, r.you, r.initials])).toEqual([
      ["Giulia Rossi", true, "GR"],
      ["Anna Verdi", false, "AV"],
      ["Zeno Gallo", false, "ZG"],
    ]);
    expect(viewerRows([{ userId: "u2", name: "Anna" }], null)[0]?.you).toBe(false);
  });

  it("makes initials from the first and last word of a name", () => {
    expect([initials("Giulia Rossi"), initials("Anna Maria De Luca"), initials("  luca   bianchi "), initials("Ælfrida Øster")])
      .toEqual(["GR", "AL", "LB", "ÆØ"]);
  });

  it("makes one letter of a one-word name, never a letter and a digit", () => {
    expect([initials("Giulia"), initials("f1"), initials("")]).toEqual(["G", "F", "?"]);
  });

  it("reads a name made from an e-mail address before names were asked by its parts", () => {
    expect([initials("mario.rossi"), initials("l_bianchi")]).toEqual(["MR", "LB"]);
  });
});
