import { describe, expect, it } from "vitest";

// Every colour has one home, tokens.css: a colour written anywhere else in the client (a stylesheet or a script,
// e.g. a chart's options) would drift from the palette the next time it changes. Generated data is left out.
const sources = import.meta.glob<string>(
  ["/src/**/*.css", "/src/**/*.ts", "!/src/styles/tokens.css", "!/src/styles/colours.test.ts", "!/src/api/schema.d.ts", "!/src/reference/*.data.ts"],
  { query: "?raw", import: "default", eager: true },
);

// The CSS named colours (CSS Color 4), written as values; `transparent` and `currentColor` are no colour of their own.
const NAMED = (
  "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
  "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray " +
  "darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
  "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
  "firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
  "hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
  "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
  "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue " +
  "mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred " +
  "midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid " +
  "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple " +
  "rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue " +
  "slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white " +
  "whitesmoke yellow yellowgreen"
).split(" ");

const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})(?![\w-])/i;
const NAMED_WORD = new RegExp(`(?<![\\w-])(?:${NAMED.join("|")})(?![\\w-])`, "i");

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** The raw colours in a stylesheet's declaration values. */
function cssColours(css: string): string[] {
  const found: string[] = [];
  for (const [, value] of withoutComments(css).matchAll(/[\w-]+\s*:\s*([^;{}]+);/g)) {
    for (const pattern of [COLOUR_FUNCTION, HEX, NAMED_WORD]) {
      const hit = value!.match(pattern);
      if (hit) found.push(`${hit[0]} in "${value!.trim()}"`);
    }
  }
  return found;
}

/**
 * The raw colours in a script: a colour function or a hex colour in a string, or a named colour given to a
 * colour-like option (`color: "white"`, `backgroundColor: 'red'`).
 */
function scriptColours(ts: string): string[] {
  const found: string[] = [];
  const code = withoutComments(ts);
  for (const [literal] of code.matchAll(/"[^"\n]*"|'[^'\n]*'|`[^`]*`/g)) {
    const hit = literal.match(COLOUR_FUNCTION) ?? literal.match(new RegExp(`(?:^["'\`]|\\s)${HEX.source}`, "i")) ?? literal.match(/\$\{[^}]*\}[0-9a-f]{2}["'`]/i);
    if (hit) found.push(literal);
  }
  const named = new RegExp(`(?:colou?r|background|border|fill|stroke)\\w*\\s*:\\s*["'\`](?:${NAMED.join("|")})["'\`]`, "gi");
  for (const [hit] of code.matchAll(named)) found.push(hit);
  return found;
}

function rawColours(path: string, text: string): string[] {
  return path.endsWith(".css") ? cssColours(text) : scriptColours(text);
}

describe("colours", () => {
  it("are written only in tokens.css", () => {
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(["/src/styles/base.css", "/src/features/spaces/charts.ts"]));
    expect(sources["/src/styles/base.css"]).toContain("var(--primary)");
    const offenders = Object.entries(sources).flatMap(([path, text]) => rawColours(path, text).map((c) => `${path}: ${c}`));
    expect(offenders).toEqual([]);
  });

  it("are found however they are written", () => {
    expect(cssColours(".a { color: #1f5fa8; }")).toHaveLength(1);
    expect(cssColours(".a { border: 1px solid #fff; }")).toHaveLength(1);
    expect(cssColours(".a { box-shadow: 0 1px 2px rgb(16 24 40 / 6%); }")).toHaveLength(1);
    expect(cssColours(".a { background: hsl(210 50% 40%); }")).toHaveLength(1);
    expect(cssColours(".a { outline: 2px solid white; }")).toHaveLength(1);
    expect(scriptColours('const c = { titleColor: "#fff" };')).toHaveLength(1);
    expect(scriptColours('el.style.border = "1px solid #c5ccd6";')).toHaveLength(1);
    expect(scriptColours("const c = `rgb(${r} 0 0)`;")).toHaveLength(1);
    expect(scriptColours("const fill = `${colors.accent}22`;")).toHaveLength(1);
    expect(scriptColours('const c = { backgroundColor: "red" };')).toHaveLength(1);
  });

  it("are not confused with what only looks like one", () => {
    expect(cssColours("#admin-panel > .nav { white-space: nowrap; background: transparent; color: currentColor; }")).toEqual([]);
    expect(cssColours(".a { color: var(--primary); border-left: 3px solid var(--warning-line); }")).toEqual([]);
    expect(scriptColours('navigate("#/businesses/new"); const s = "#admin-panel"; const t = "green light";')).toEqual([]);
  });
});
