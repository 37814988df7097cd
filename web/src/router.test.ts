import { describe, expect, it } from "vitest";
import { href, parseRoute, requiresSignIn, type Route } from "./router";

const id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

describe("parseRoute", () => {
  it.each([
    ["", { name: "directory" }],
    ["#", { name: "directory" }],
    ["#/", { name: "directory" }],
    ["#/login", { name: "login", next: null }],
    ["#/register", { name: "register", next: null }],
    ["#/my", { name: "myBusinesses" }],
    ["#/my/tenders", { name: "myTenders", buyer: null }],
    [`#/my/tenders?buyer=${id.toUpperCase()}`, { name: "myTenders", buyer: id }],
    ["#/my/tenders?buyer=nope", { name: "myTenders", buyer: null }],
    ["#/businesses/new", { name: "newBusiness" }],
    [`#/businesses/${id}`, { name: "business", id }],
    [`#/businesses/${id}/`, { name: "business", id }],
    [`#/businesses/${id}/edit`, { name: "editBusiness", id }],
    [`#/businesses/${id.toUpperCase()}`, { name: "business", id }],
    ["#/spaces", { name: "spaces" }],
    ["#/spaces/", { name: "spaces" }],
    ["#/spaces/new", { name: "newSpace" }],
    [`#/spaces/${id}`, { name: "space", id }],
    [`#/spaces/${id.toUpperCase()}`, { name: "space", id }],
    [`#/spaces/${id}/settings`, { name: "editSpace", id }],
    [`#/spaces/${id}/dashboard`, { name: "spaceDashboard", id }],
    [`#/spaces/${id}?cpv=45&near=037006`, { name: "space", id }],
    ["#/inbox", { name: "inbox" }],
    ["#/tenders", { name: "tenders" }],
    [`#/tenders/new?buyer=${id}`, { name: "newTender", buyer: id }],
    [`#/tenders/new?buyer=${id.toUpperCase()}`, { name: "newTender", buyer: id }],
    ["#/tenders/new", { name: "newTender", buyer: null }],
    ["#/tenders/new?buyer=nope", { name: "newTender", buyer: null }],
    [`#/tenders/${id}`, { name: "tender", id }],
    [`#/tenders/${id.toUpperCase()}/`, { name: "tender", id }],
    [`#/tenders/${id}/edit`, { name: "editTender", id }],
    [`#/tenders/${id}/amend`, { name: "amendTender", id }],
    [`#/alliances/${id}`, { name: "alliance", id }],
    [`#/alliances/${id}/bid`, { name: "alliance", id, tab: "bid" }],
    [`#/alliances/${id}/history`, { name: "alliance", id, tab: "history" }],
    [`#/alliances/${id}/lending`, { name: "lending", id }],
    [`#/alliances/${id}/nope`, { name: "notFound" }],
    [`#/spaces/${id}/members`, { name: "space", id, tab: "members" }],
    [`#/spaces/${id}/admin`, { name: "space", id, tab: "admin" }],
    [`#/spaces/${id}/board`, { name: "space", id, tab: "board" }],
    [`#/spaces/${id}/board?post=${id.toUpperCase()}`, { name: "space", id, tab: "board", post: id }],
    [`#/spaces/${id}/board?post=nope`, { name: "space", id, tab: "board" }],
    [`#/spaces/${id}/nope`, { name: "notFound" }],
    [`#/alliances/${id.toUpperCase()}/`, { name: "alliance", id }],
  ] as [string, Route][])("%s", (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it.each(["#/nope", "#/businesses", "#/businesses/123", `#/businesses/${id}/delete`, `#/businesses/${id}/edit/x`, "#/businesses/new/x",
    "#/spaces/123", `#/spaces/${id}/edit`, "#/spaces/new/x", `#/spaces/${id}/settings/x`, `#/spaces/${id}/dashboard/x`,
    "#/tenders/123", "#/tenders/new/x", `#/tenders/${id}/bids`, `#/tenders/${id}/edit/x`, "#/inbox/x",
    "#/my/bids", "#/my/tenders/x",
    "#/alliances", "#/alliances/123", `#/alliances/${id}/edit`])(
    "%s is not found",
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: "notFound" });
    },
  );

  it("reads an account e-mail's links, and refuses one with a part missing", () => {
    expect(parseRoute(`#/account/confirm?userId=${id}&code=abc-_`)).toEqual({ name: "confirmEmail", userId: id, code: "abc-_", changedEmail: null });
    expect(parseRoute("#/account/reset?email=giulia%40example.it&code=abc")).toEqual({ name: "resetPassword", email: "giulia@example.it", code: "abc" });
    expect(parseRoute(`#/account/confirm?userId=${id}`)).toEqual({ name: "notFound" });
    expect(parseRoute("#/account/confirm?userId=not-an-id&code=abc")).toEqual({ name: "notFound" });
    expect(parseRoute("#/account/reset?code=abc")).toEqual({ name: "notFound" });
  });

  it("keeps a next target only when it is one of our routes", () => {
    expect(parseRoute("#/login?next=%23%2Fbusinesses%2Fnew")).toEqual({ name: "login", next: "#/businesses/new" });
    expect(parseRoute("#/login?next=https%3A%2F%2Fevil.example")).toEqual({ name: "login", next: null });
  });

  it("reads the address an invitation e-mail's link fills in", () => {
    expect(parseRoute("#/register?email=nuova%2Bsocia%40example.it&next=%23%2Ftodo")).toEqual({ name: "register", next: "#/todo", email: "nuova+socia@example.it" });
    expect(parseRoute("#/login?email=socia%40example.it")).toEqual({ name: "login", next: null, email: "socia@example.it" });
  });
});

describe("href", () => {
  it.each([
    { name: "directory" },
    { name: "login", next: null },
    { name: "login", next: `#/businesses/${id}/edit` },
    { name: "register", next: "#/businesses/new" },
    { name: "register", next: "#/todo", email: "nuova+socia@example.it" },
    { name: "login", next: null, email: "socia@example.it" },
    { name: "account" },
    { name: "myBusinesses" },
    { name: "myTenders", buyer: null },
    { name: "myTenders", buyer: id },
    { name: "newBusiness" },
    { name: "business", id },
    { name: "editBusiness", id },
    { name: "spaces" },
    { name: "newSpace" },
    { name: "space", id },
    { name: "editSpace", id },
    { name: "spaceDashboard", id },
    { name: "inbox" },
    { name: "tenders" },
    { name: "newTender", buyer: id },
    { name: "newTender", buyer: null },
    { name: "tender", id },
    { name: "editTender", id },
    { name: "amendTender", id },
    { name: "alliance", id },
    { name: "alliance", id, tab: "partners" },
    { name: "space", id, tab: "tenders" },
    { name: "space", id, tab: "board", post: id },
    { name: "confirmEmail", userId: id, code: "Q2ZESjh+/=", changedEmail: null },
    { name: "confirmEmail", userId: id, code: "Q2ZESjh", changedEmail: "nuovo+1@example.it" },
    { name: "forgotPassword" },
    { name: "resetPassword", email: "giulia+rossi@example.it", code: "Q2ZE-_x" },
  ] as Route[])("round-trips %o", (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });
});

describe("requiresSignIn", () => {
  it("guards pages that act for a user", () => {
    expect(requiresSignIn({ name: "newBusiness" })).toBe(true);
    expect(requiresSignIn({ name: "editBusiness", id })).toBe(true);
    expect(requiresSignIn({ name: "myBusinesses" })).toBe(true);
    expect(requiresSignIn({ name: "myTenders", buyer: null })).toBe(true);
    expect(requiresSignIn({ name: "account" })).toBe(true);
    expect(requiresSignIn({ name: "business", id })).toBe(false);
    expect(requiresSignIn({ name: "directory" })).toBe(false);
    expect(requiresSignIn({ name: "newSpace" })).toBe(true);
    expect(requiresSignIn({ name: "editSpace", id })).toBe(true);
    expect(requiresSignIn({ name: "spaceDashboard", id })).toBe(true);
    // A space's page and the list are public: a visitor reads the policy before signing up.
    expect(requiresSignIn({ name: "spaces" })).toBe(false);
    expect(requiresSignIn({ name: "space", id })).toBe(false);
  });

  it("guards the tender forms and the inbox, not a tender's public notice", () => {
    expect(requiresSignIn({ name: "newTender", buyer: id })).toBe(true);
    expect(requiresSignIn({ name: "editTender", id })).toBe(true);
    expect(requiresSignIn({ name: "amendTender", id })).toBe(true);
    expect(requiresSignIn({ name: "inbox" })).toBe(true);
    expect(requiresSignIn({ name: "tender", id })).toBe(false);
  });

  it("guards an alliance: only its own firms' people see it", () => {
    expect(requiresSignIn({ name: "alliance", id })).toBe(true);
  });
});
