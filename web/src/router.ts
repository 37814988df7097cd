// Hash routes: parsing `location.hash` into a Route, and building a hash from one.
export type Route =
  | { name: "directory" }
  /** `email` fills in the address (an invitation e-mail's link brings the invited address). */
  | { name: "login"; next: string | null; email?: string }
  | { name: "register"; next: string | null; email?: string }
  /** The signed-in user's own account: a new password, signing out everywhere. */
  | { name: "account" }
  /** The page a notification e-mail's unsubscribe link opens: it turns that kind of e-mail off, without signing in. */
  | { name: "unsubscribe"; token: string }
  /** The page an account e-mail's confirmation link opens (a new account, or a new address when `changedEmail`). */
  | { name: "confirmEmail"; userId: string; code: string; changedEmail: string | null }
  /** "I forgot my password": asks for the e-mail that a recovery link is sent to. */
  | { name: "forgotPassword" }
  /** The page a password recovery e-mail's link opens: a new password for `email`. */
  | { name: "resetPassword"; email: string; code: string }
  | { name: "myBusinesses" }
  /** The tenders of the buyers the user acts for, or of the one `buyer` names. */
  | { name: "myTenders"; buyer: string | null }
  | { name: "newBusiness" }
  | { name: "business"; id: string }
  | { name: "editBusiness"; id: string }
  | { name: "spaces" }
  | { name: "newSpace" }
  /** A space; `tab` names the part shown (its about page when none); `post`, on its board, the post opened (an e-mail's link). */
  | { name: "space"; id: string; tab?: SpaceTab; post?: string }
  | { name: "editSpace"; id: string }
  | { name: "spaceDashboard"; id: string }
  | { name: "inbox" }
  /** What the signed-in user must do now: invitations to answer, joint bids to sign or submit, questions to answer. */
  | { name: "todo" }
  /** The published tenders across the viewer's spaces, searchable. */
  | { name: "tenders" }
  /** The tender form for a new draft; `buyer` is the buyer it is for (null when the address names none). */
  | { name: "newTender"; buyer: string | null }
  | { name: "tender"; id: string }
  | { name: "editTender"; id: string }
  /** The tender form again, to publish an amendment (Rettifica) during the enquiry period. */
  | { name: "amendTender"; id: string }
  /** An alliance (RTI or rete d'impresa): its firms, its agreement and its history, for its own firms' people. */
  | { name: "alliance"; id: string; tab?: AllianceTab }
  /** What an auxiliary firm is asked to lend a joint bid (avvalimento), for its own people: `#/alliances/{id}/lending`. */
  | { name: "lending"; id: string }
  | { name: "notFound" };

/** The parts of an alliance's page, each a tab with its own address (`#/alliances/{id}/bid`). */
export const allianceTabs = ["overview", "bid", "documents", "conversation", "partners", "agreement", "history"] as const;
export type AllianceTab = (typeof allianceTabs)[number];
/** The parts of a space's page; "settings" and "dashboard" are pages of their own. */
export const spaceTabs = ["about", "tenders", "members", "board", "admin"] as const;
export type SpaceTab = (typeof spaceTabs)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `next` target must be one of our own routes, never an arbitrary address. */
function nextTarget(params: URLSearchParams): string | null {
  const next = params.get("next");
  return next !== null && next.startsWith("#/") ? next : null;
}

export function parseRoute(hash: string): Route {
  const withoutMark = hash.replace(/^#/, "");
  const [pathPart = "", queryPart = ""] = withoutMark.split("?", 2);
  const parts = pathPart.split("/").filter((p) => p !== "");
  const params = new URLSearchParams(queryPart);
  const [first, second, third, ...rest] = parts;

  if (rest.length > 0) return { name: "notFound" };
  if (first === undefined) return { name: "directory" };
  if (second === undefined) {
    switch (first) {
      case "login":
      case "register": {
        const email = params.get("email");
        return { name: first, next: nextTarget(params), ...(email ? { email } : {}) };
      }
      case "my":
        return { name: "myBusinesses" };
      case "account":
        return { name: "account" };
      case "unsubscribe": {
        const token = params.get("token") ?? "";
        return token !== "" ? { name: "unsubscribe", token } : { name: "notFound" };
      }
      case "spaces":
        return { name: "spaces" };
      case "inbox":
        return { name: "inbox" };
      case "todo":
        return { name: "todo" };
      case "tenders":
        return { name: "tenders" };
    }
    return { name: "notFound" };
  }
  if (first === "my") {
    if (second !== "tenders" || third !== undefined) return { name: "notFound" };
    const buyer = params.get("buyer");
    return { name: "myTenders", buyer: buyer !== null && GUID.test(buyer) ? buyer.toLowerCase() : null };
  }
  if (first === "businesses") {
    if (second === "new") return third === undefined ? { name: "newBusiness" } : { name: "notFound" };
    if (!GUID.test(second)) return { name: "notFound" };
    if (third === undefined) return { name: "business", id: second.toLowerCase() };
    if (third === "edit") return { name: "editBusiness", id: second.toLowerCase() };
    return { name: "notFound" };
  }
  if (first === "spaces") {
    if (second === "new") return third === undefined ? { name: "newSpace" } : { name: "notFound" };
    if (!GUID.test(second)) return { name: "notFound" };
    if (third === undefined) return { name: "space", id: second.toLowerCase() };
    if (third === "settings") return { name: "editSpace", id: second.toLowerCase() };
    if (third === "dashboard") return { name: "spaceDashboard", id: second.toLowerCase() };
    if (third === "board") {
      const post = params.get("post");
      return { name: "space", id: second.toLowerCase(), tab: third, ...(post !== null && GUID.test(post) ? { post: post.toLowerCase() } : {}) };
    }
    if (isOneOf(spaceTabs, third)) return { name: "space", id: second.toLowerCase(), tab: third };
    return { name: "notFound" };
  }
  if (first === "tenders") {
    if (second === "new") {
      if (third !== undefined) return { name: "notFound" };
      const buyer = params.get("buyer");
      return { name: "newTender", buyer: buyer !== null && GUID.test(buyer) ? buyer.toLowerCase() : null };
    }
    if (!GUID.test(second)) return { name: "notFound" };
    if (third === undefined) return { name: "tender", id: second.toLowerCase() };
    if (third === "edit") return { name: "editTender", id: second.toLowerCase() };
    if (third === "amend") return { name: "amendTender", id: second.toLowerCase() };
    return { name: "notFound" };
  }
  if (first === "account" && third === undefined) {
    const [userId, code, email] = [params.get("userId") ?? "", params.get("code") ?? "", params.get("email") ?? ""];
    if (second === "confirm" && GUID.test(userId) && code !== "") return { name: "confirmEmail", userId, code, changedEmail: params.get("changedEmail") };
    if (second === "forgot") return { name: "forgotPassword" };
    if (second === "reset" && email !== "" && code !== "") return { name: "resetPassword", email, code };
    return { name: "notFound" };
  }
  if (first === "alliances") {
    if (!GUID.test(second)) return { name: "notFound" };
    if (third === undefined) return { name: "alliance", id: second.toLowerCase() };
    if (third === "lending") return { name: "lending", id: second.toLowerCase() };
    return isOneOf(allianceTabs, third) ? { name: "alliance", id: second.toLowerCase(), tab: third } : { name: "notFound" };
  }
  return { name: "notFound" };
}

export function href(route: Route): string {
  switch (route.name) {
    case "directory":
    case "notFound":
      return "#/";
    case "login":
    case "register":
    {
      const query = new URLSearchParams({ ...(route.email ? { email: route.email } : {}), ...(route.next ? { next: route.next } : {}) });
      return query.toString() !== "" ? `#/${route.name}?${query}` : `#/${route.name}`;
    }
    case "account":
      return "#/account";
    case "unsubscribe":
      return `#/unsubscribe?${new URLSearchParams({ token: route.token })}`;
    case "confirmEmail": {
      const query = new URLSearchParams({ userId: route.userId, code: route.code });
      if (route.changedEmail !== null) query.set("changedEmail", route.changedEmail);
      return `#/account/confirm?${query}`;
    }
    case "forgotPassword":
      return "#/account/forgot";
    case "resetPassword":
      return `#/account/reset?${new URLSearchParams({ email: route.email, code: route.code })}`;
    case "myBusinesses":
      return "#/my";
    case "myTenders":
      return route.buyer ? `#/my/tenders?${new URLSearchParams({ buyer: route.buyer })}` : "#/my/tenders";
    case "newBusiness":
      return "#/businesses/new";
    case "business":
      return `#/businesses/${route.id}`;
    case "editBusiness":
      return `#/businesses/${route.id}/edit`;
    case "spaces":
      return "#/spaces";
    case "newSpace":
      return "#/spaces/new";
    case "space":
      return route.tab ? `#/spaces/${route.id}/${route.tab}${route.post ? `?post=${route.post}` : ""}` : `#/spaces/${route.id}`;
    case "editSpace":
      return `#/spaces/${route.id}/settings`;
    case "spaceDashboard":
      return `#/spaces/${route.id}/dashboard`;
    case "inbox":
      return "#/inbox";
    case "todo":
      return "#/todo";
    case "tenders":
      return "#/tenders";
    case "newTender":
      return route.buyer ? `#/tenders/new?${new URLSearchParams({ buyer: route.buyer })}` : "#/tenders/new";
    case "tender":
      return `#/tenders/${route.id}`;
    case "editTender":
      return `#/tenders/${route.id}/edit`;
    case "amendTender":
      return `#/tenders/${route.id}/amend`;
    case "alliance":
      return route.tab ? `#/alliances/${route.id}/${route.tab}` : `#/alliances/${route.id}`;
    case "lending":
      return `#/alliances/${route.id}/lending`;
  }
}

/** Routes that only make sense for a signed-in user; others are public. */
export function requiresSignIn(route: Route): boolean {
  return (
    route.name === "account" ||
    route.name === "myBusinesses" ||
    route.name === "myTenders" ||
    route.name === "newBusiness" ||
    route.name === "editBusiness" ||
    route.name === "newSpace" ||
    route.name === "editSpace" ||
    route.name === "spaceDashboard" ||
    route.name === "inbox" ||
    route.name === "todo" ||
    route.name === "newTender" ||
    route.name === "editTender" ||
    route.name === "amendTender" ||
    route.name === "alliance" ||
    route.name === "lending"
  );
}

/**
 * Shows another tab of the page on screen: the address names it, so that a reload or a shared link opens it, without
 * a history entry (Back leaves the page, as it would a page without tabs) and without mounting the page afresh.
 */
export function showTabAddress(route: Route): void {
  history.replaceState(history.state, "", href(route));
}

/** Goes to a route; `replace` leaves no history entry, for redirects the Back button should skip. */
export function navigate(route: Route, replace = false): void {
  if (replace) location.replace(href(route));
  else location.hash = href(route);
}
