
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { countdownParts, formatCountdown, formatDay, formatDeadline, formatSeconds, isoToLocalInput, localInputToIso, readDateInput } from "./dates";

// Node reads TZ whenever it changes; the deadlines are typed and shown in the browser's zone, here Italy's.
vi.stubEnv("TZ", "Europe/Rome");
afterAll(() => vi.unstubAllEnvs());

describe("datetime-local and ISO", () => {
  it("runs in Italian time", () => {
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(-120);
  });

  it("sends a local time with its offset, winter and summer", () => {
    expect(localInputToIso("2026-03-02T12:00")).toBe("2026-03-02T12:00:00+01:00");
    expect(localInputToIso("2026-07-15T09:30")).toBe("2026-07-15T09:30:00+02:00");
    expect(localInputToIso("2026-07-15T09:30:45")).toBe("2026-07-15T09:30:45+02:00");
    // The same instant as the server reads it.
    expect(Date.parse(localInputToIso("2026-03-02T12:00")!)).toBe(Date.parse("2026-03-02T11:00:00Z"));
  });

  it("moves a time that does not exist locally forward, as the clock does", () => {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Italy.
    expect(localInputToIso("2026-03-29T02:30")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("refuses what is not a date and time", () => {
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("2026-03-02")).toBeNull();
    expect(localInputToIso("2026-02-30T10:00")).toBeNull();
    expect(localInputToIso("domani alle 12")).toBeNull();
  });

  it("shows a server date-time in the local time of the input", () => {
    expect(isoToLocalInput("2026-03-02T11:00:00Z")).toBe("2026-03-02T12:00");
    expect(isoToLocalInput("2026-07-15T07:30:00+00:00")).toBe("2026-07-15T09:30");
    expect(isoToLocalInput(null)).toBe("");
    expect(isoToLocalInput("nonsense")).toBe("");
  });

  it("round-trips", () => {
    for (const local of ["2026-01-01T00:00", "2026-10-25T01:15", "2026-12-31T23:59"]) {
      expect(isoToLocalInput(localInputToIso(local))).toBe(local);
    }
  });
});

describe("countdown", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => vi.unstubAllGlobals());

  const deadline = "2026-03-02T12:00:00+01:00";
  const at = (iso: string) => Date.parse(iso);

  it("splits what is left into days, hours, minutes and seconds", () => {
    expect(countdownParts(at(deadline), at("2026-02-28T09:30:15+01:00"))).toEqual({ days: 2, hours: 2, minutes: 29, seconds: 45 });
    expect(countdownParts(at(deadline), at(deadline))).toBeNull();
    expect(countdownParts(at(deadline), at(deadline) + 1)).toBeNull();
  });

  it("says it in the UI's language, with seconds on the last day", () => {
    setLanguage("it");
    expect(formatCountdown(deadline, at("2026-02-28T09:30:15+01:00"))).toBe("mancano 2 giorni 2 h 29 min");
    expect(formatCountdown(deadline, at("2026-03-01T09:30:15+01:00"))).toBe("mancano 1 giorno 2 h 29 min");
    expect(formatCountdown(deadline, at("2026-03-02T11:58:51+01:00"))).toBe("mancano 0 h 1 min 9 s");
    expect(formatCountdown(deadline, at("2026-03-02T12:00:01+01:00"))).toBe("scaduto");
    setLanguage("en");
    expect(formatCountdown(deadline, at("2026-02-28T09:30:15+01:00"))).toBe("2 days 2 h 29 min left");
    expect(formatCountdown(deadline, at("2026-03-02T13:00:00+01:00"))).toBe("passed");
  });

  it("writes deadlines and receipt times in local time", () => {
    expect(formatDeadline("2026-03-02T11:00:00Z", "it")).toMatch(/lunedì 2 marzo 2026.*12:00/);
    expect(formatDeadline("2026-03-02T11:00:00Z", "en")).toMatch(/Monday.*2 March 2026.*12:00/);
    expect(formatSeconds("2026-03-02T10:59:58.123Z", "it")).toContain("11:59:58");
    // A contract date is a calendar day, not shifted by the time zone.
    expect(formatDay("2026-09-01", "it")).toBe("1 settembre 2026");
    expect(formatDay("2026-09-01", "en")).toBe("1 September 2026");
  });
});

describe("readDateInput", () => {
  it("reads a deadline typed in a native input in the app's language, whatever the browser's", () => {
    expect(readDateInput("2026-12-25T08:48", "datetime-local", "it")).toMatch(/^venerdì 25 dicembre 2026(,| alle ore) 08:48 CET$/);
    expect(readDateInput("2026-12-25T08:48", "datetime-local", "en")).toMatch(/^Friday,? 25 December 2026(,| at) 08:48 CET$/);
  });

  it("reads a day of the contract without a time", () => {
    expect(readDateInput("2027-03-01", "date", "it")).toBe("lunedì 1 marzo 2027");
    expect(readDateInput("2027-03-01", "date", "en")).toMatch(/^Monday,? 1 March 2027$/);
  });

  it("reads nothing for an empty or impossible date", () => {
    expect(readDateInput("", "datetime-local", "it")).toBeNull();
    expect(readDateInput("2027-02-31", "date", "it")).toBeNull();
    expect(readDateInput("2027-02-31T10:00", "datetime-local", "it")).toBeNull();
  });
});
