// Sets style properties through the CSSOM (element.style), which the server's Content-Security-Policy
// (style-src 'self') allows; a style attribute, including the first render of lit's styleMap, is blocked.
import { noChange } from "lit-html";
import { Directive, directive, PartType, type ElementPart, type PartInfo } from "lit-html/directive.js";

class CssProps extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error("cssProps is bound to an element: <span ${cssProps({...})}>");
  }

  render(_props: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    return noChange;
  }
}

/** `<span ${cssProps({ width: "40%" })}>`: dynamic sizes that still run under the Content-Security-Policy. */
export const cssProps = directive(CssProps);
