/**
 * A raw model often goes on writing the prompt's own list: more "Field: value" lines after
 * "Minimum population: 1,000", or options "E." and "F." after "D.". With no answer, that is an echo.
 */

const FIELD = /^[A-Z][A-Za-z ]{0,30}:\s/;
const OPTION = /^\(?[A-H][.)]\s/;

type Shape = 'field' | 'option' | null;

function shapeOf(line: string): Shape {
  return OPTION.test(line) ? 'option' : FIELD.test(line) ? 'field' : null;
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

/** The text has 2+ lines, mostly of one list shape that the prompt's lines also have. */
export function continuesPromptList(text: string, prompt: string | undefined): boolean {
  if (prompt === undefined) return false;
  const own = lines(text);
  if (own.length < 2) return false;
  for (const shape of ['field', 'option'] as const) {
    const n = own.filter((l) => shapeOf(l) === shape).length;
    if (n * 5 >= own.length * 3 && lines(prompt).some((l) => shapeOf(l) === shape)) return true;
  }
  return false;
}
