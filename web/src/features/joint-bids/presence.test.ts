import { describe, expect, it } from "vitest";
import { initials, viewerRows } from "./presence";

const ME = "11111111-aaaa-0000-0000-000000000001";

describe("who is here", () => {
  it("lists each person once, the viewer first and marked, the others by email", () => {
    const rows = viewerRows(
      [
        { userId: "u3", email: "zeta@impianti.it" },
        { userId: ME.toUpperCase(), email: "mario.rossi@edilrossi.it" },
        { userId: "u2", email: "anna@verdi.it" },
        { userId: "U2", email: "anna@verdi.it" },
      ],
      ME,
    );
    expect(rows.map((r) => [r.email, r.you, r.initials])).toEqual([
      ["mario.rossi@edilrossi.it", true, "MR"],
      ["anna@verdi.it", false, "AN"],
      ["zeta@impianti.it", false, "ZE"],
    ]);
    expect(viewerRows([{ userId: "u2", email: "a@b.it" }], null)[0]?.you).toBe(false);
  });

  it("make initials from any address", () => {
    expect([initials("l_bianchi@x.it"), initials("x@y.it"), initials("@y.it")]).toEqual(["LB", "X", "?"]);
  });
});
