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

const FIELD_LINES = 1;
const OPTION_LINES = 2;

/** Which list shapes a prompt's lines have (bits FIELD_LINES, OPTION_LINES), kept per prompt text. */
const promptShapes = new Map<string, number>();

function shapesOf(prompt: string): number {
  let shapes = promptShapes.get(prompt);
  if (shapes === undefined) {
    shapes = 0;
    for (const l of lines(prompt)) {
      const shape = shapeOf(l);
      if (shape === 'field') shapes |= FIELD_LINES;
      else if (shape === 'option') shapes |= OPTION_LINES;
    }
    if (promptShapes.size >= 4096) promptShapes.clear();
    promptShapes.set(prompt, shapes);
  }
  return shapes;
}

/**
 * The text's non-blank lines, trimmed. (A loop rather than `map` and `filter`: the arrays they
 * build changed kind once in a long run, which threw away the code compiled for the caller.)
 */
function lines(text: string): string[] {
  const out: string[] = [];
  for (const l of text.split('\n')) {
    const t = l.trim();
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** The text has 2+ lines, mostly of one list shape that the prompt's lines also have. */
export function continuesPromptList(text: string, prompt: string | undefined): boolean {
  if (prompt === undefined) return false;
  // One line is no list; and most prompts have no list lines, when the text's lines need not be read.
  if (!text.includes('\n')) return false;
  const shapes = shapesOf(prompt);
  if (shapes === 0) return false;
  const own = lines(text);
  if (own.length < 2) return false;
  let fields = 0;
  let options = 0;
  for (const l of own) {
    const shape = shapeOf(l);
    if (shape === 'field') fields++;
    else if (shape === 'option') options++;
  }
  return ((shapes & FIELD_LINES) !== 0 && fields * 5 >= own.length * 3) || ((shapes & OPTION_LINES) !== 0 && options * 5 >= own.length * 3);
}
