import { describe, expect, it } from "vitest";
import type { AllianceDto, ThreadMessageDto } from "../../api/types";
import { answerThread, countOf, countedIn, subjectOf, withMessage, writingFirms } from "./thread-data";

const message = (id: string, at: string, packageId: string | null = null, criterion: number | null = null): ThreadMessageDto => ({
  id,
  allianceId: "a1",
  packageId,
  authorId: "u1",
  authorName: "Giulia Rossi",
  firmId: "F1",
  firmName: "Rossi Costruzioni",
  text: "Ciao",
  at,
  mentions: [],
  criterion,
});

describe("a thread's page", () => {
  it("takes a message of its own thread once, newest first", () => {
    const page = [message("m1", "2026-12-06T09:00:00Z")];
    const heard = message("M2", "2026-12-06T09:05:00Z");
    const once = withMessage(page, null, heard);
    expect(once.map((m) => m.id)).toEqual(["M2", "m1"]);
    // Our own answer and the hub both bring it: the second one changes nothing, whatever the case of its id.
    expect(withMessage(once, null, { ...heard, id: "m2" }).map((m) => m.id)).toEqual(["M2", "m1"]);
  });

  it("leaves a message of another thread out", () => {
    const page = [message("m1", "2026-12-06T09:00:00Z")];
    expect(withMessage(page, null, message("m2", "2026-12-06T09:05:00Z", "P1"))).toHaveLength(1);
    expect(withMessage(page, "p1", message("m3", "2026-12-06T09:05:00Z", "P1")).map((m) => m.id)).toEqual(["m3", "m1"]);
  });

  it("counts a message in its thread, starting the thread when it is the first", () => {
    const threads = countedIn([], message("m1", "2026-12-06T09:00:00Z", "P1"));
    expect(countOf(threads, "p1")).toBe(1);
    expect(countOf(countedIn(threads, message("m2", "2026-12-06T09:01:00Z", "p1")), "P1")).toBe(2);
    expect(countOf(threads, null)).toBe(0);
  });

  it("keeps an answer's thread apart from the general one and from the packages'", () => {
    const page = [message("m1", "2026-12-06T09:00:00Z")];
    const onAnswer = message("m2", "2026-12-06T09:05:00Z", null, 2);
    expect(withMessage(page, null, onAnswer)).toHaveLength(1);
    expect(withMessage([], answerThread(2), onAnswer).map((m) => m.id)).toEqual(["m2"]);
    expect(withMessage([], answerThread(3), onAnswer)).toHaveLength(0);
    const threads = countedIn(countedIn([], onAnswer), message("m3", "2026-12-06T09:06:00Z"));
    expect([countOf(threads, answerThread(2)), countOf(threads, null), countOf(threads, answerThread(3))]).toEqual([1, 1, 0]);
  });

  it("tells the server a thread by its package or its criterion", () => {
    expect(subjectOf(null)).toEqual({ packageId: null, criterion: null });
    expect(subjectOf("P1")).toEqual({ packageId: "P1", criterion: null });
    expect(subjectOf(answerThread(4))).toEqual({ packageId: null, criterion: 4 });
  });
});

describe("who writes", () => {
  const alliance = {
    myFirms: ["F1", "F2"],
    members: [
      { firmId: "f1", name: "Rossi Costruzioni", standing: "Active" },
      { firmId: "f2", name: "Verdi Informatica", standing: "Invited" },
      { firmId: "f3", name: "Neri Edilizia", standing: "Active" },
    ],
  } as unknown as AllianceDto;

  it("writes for the active firms of the viewer where they are an Owner or a Manager", () => {
    expect(writingFirms(alliance, new Map([["f1", "Manager"], ["f2", "Owner"]]))).toEqual([{ id: "f1", name: "Rossi Costruzioni" }]);
  });

  it("reads only as a Viewer", () => {
    expect(writingFirms(alliance, new Map([["f1", "Viewer"]]))).toEqual([]);
  });
});
