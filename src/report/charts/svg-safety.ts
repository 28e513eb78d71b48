/**
 * Defence in depth for SVG that is inlined into the report: vega escapes text it draws, and this
 * check fails the build if a chart ever contains an element or attribute that could run script or
 * load anything (a vega change, or a spec that smuggles raw markup). Text content is not inspected:
 * escaped text cannot contain `<`.
 */
const ALLOWED_ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'text', 'line', 'circle', 'defs', 'clipPath', 'title', 'desc', 'tspan', 'linearGradient', 'radialGradient', 'stop', 'pattern']);

export class UnsafeSvgError extends Error {
  readonly code = 'REPORT_UNSAFE_SVG';
  constructor(readonly detail: string) {
    super(`Refusing to write a chart with unsafe SVG content: ${detail}`);
  }
}

export function assertSafeSvg(svg: string): void {
  for (const tag of svg.matchAll(/<\/?([A-Za-z][\w:.-]*)([^>]*)>/g)) {
    const name = tag[1] ?? '';
    if (!ALLOWED_ELEMENTS.has(name)) throw new UnsafeSvgError(`element <${name}>`);
    const attributes = tag[2] ?? '';
    // Attribute names only: values are quoted, so strip them first and look at what is left.
    const names = attributes.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/(^|\s)on[a-z]/i.test(names)) throw new UnsafeSvgError(`event handler attribute in <${name}>`);
    if (/(^|\s)(xlink:)?href\s*=/i.test(names)) throw new UnsafeSvgError(`link attribute in <${name}>`);
  }
  if (/<!|<\?/.test(svg.replace(/^<\?xml[^>]*\?>/, ''))) throw new UnsafeSvgError('markup declaration or processing instruction');
}
