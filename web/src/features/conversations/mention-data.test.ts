import { describe, expect, it } from "vitest";
import { matching, mentionAt, mentionParts, namedIn, withMention } from "./mention-data";

const anna = { userId: "A1", name: "Anna Verdi", firmId: "F2", firmName: "Verdi Informatica" };
const mario = { userId: "M1", name: "Mario Rossi", firmId: "F1", firmName: "Rossi Costruzioni" };
const annalisa = { userId: "A2", name: "Annalisa Bianchi", firmId: "F1", firmName: "Rossi Costruzioni" };

describe("the @ being typed", () => {
  it("is found at the start, after a space or a line break, up to the caret", () => {
    expect(mentionAt("@An", 3)).toEqual({ start: 0, query: "An" });
    expect(mentionAt("Ciao @Anna V", 12)).toEqual({ start: 5, query: "Anna V" });
    expect(mentionAt("Ok\n@", 4)).toEqual({ start: 3, query: "" });
  });

  it("is not an e-mail address, a finished line or a long sentence after an @", () => {
    expect(mentionAt("scrivi a mario@ditta.it", 23)).toBeNull();
    expect(mentionAt("@Anna\nciao", 10)).toBeNull();
    expect(mentionAt("@Anna grazie per la risposta", 28)).toBeNull();
    expect(mentionAt("nessuna menzione", 16)).toBeNull();
  });
});

describe("the people the picker lists", () => {
  const people = [mario, anna, annalisa];

  it("are all of them for a bare @, and those whose name or firm has a word starting with what was typed", () => {
    expect(matching(people, "")).toHaveLength(3);
    expect(matching(people, "ann").map((p) => p.userId)).toEqual(["A1", "A2"]);
    expect(matching(people, "verdi").map((p) => p.userId)).toEqual(["A1"]);
    expect(matching(people, "costruz").map((p) => p.userId)).toEqual(["M1", "A2"]);
    expect(matching(people, "zeta")).toEqual([]);
  });

  it("match names without minding accents or case", () => {
    expect(matching([{ ...anna, name: "Nicolò Fabbri" }], "NICOLO")).toHaveLength(1);
  });
});

describe("picking a person", () => {
  it("replaces the @ being typed with their name and puts the caret after it", () => {
    const typed = "Grazie @an, a lunedì";
    const picked = withMention(typed, { start: 7, query: "an" }, 10, anna);
    expect(picked.text).toBe("Grazie @Anna Verdi , a lunedì");
    expect(picked.caret).toBe(19);
    expect(withMention("@m", { start: 0, query: "m" }, 2, mario)).toEqual({ text: "@Mario Rossi ", caret: 13 });
  });

  it("sends only the people the text still names, once each", () => {
    expect(namedIn("@Anna Verdi e @Anna Verdi, vedete voi", [anna, mario, anna])).toEqual(["a1"]);
    expect(namedIn("Nessuno", [anna])).toEqual([]);
  });
});

describe("a message's text", () => {
  it("is cut at each @Name of a person it mentions, the longest name first", () => {
    const parts = mentionParts("@Anna Verdi e @Anna Verdina, guardate", [
      { userId: "A1", name: "Anna Verdi" },
      { userId: "A3", name: "Anna Verdina" },
    ]);
    expect(parts.map((p) => [p.text, p.mention?.userId])).toEqual([
      ["@Anna Verdi", "A1"],
      [" e ", undefined],
      ["@Anna Verdina", "A3"],
      [", guardate", undefined],
    ]);
  });

  it("stays whole when it names nobody it mentions", () => {
    expect(mentionParts("Scrivete a @Luca", [{ userId: "A1", name: "Anna Verdi" }])).toEqual([{ text: "Scrivete a @Luca" }]);
  });
});
