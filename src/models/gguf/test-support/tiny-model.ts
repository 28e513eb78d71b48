import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../../test-support/paths.js';
import { parseModelSpec, type GgufSpec } from '../../model-spec.js';
import { copyWithStringKey } from './gguf-with-template.js';

/** The 260K-parameter TinyStories model in ../shared/models (no chat template; see its README). */
export const TINY_MODEL = resolve(REPO_ROOT, '../shared/models/stories260K.gguf');

/** The README's greedy continuation of "Once upon a time". */
export const TINY_CONTINUATION = ', there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball.';

/** A ChatML template, as Qwen2.5's GGUF files carry (shortened: no tools). */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export function ggufSpec(text: string): GgufSpec {
  return parseModelSpec(text) as GgufSpec;
}

/** A copy of the tiny model with `tokenizer.chat_template` set, in a fresh temporary folder. */
export async function tinyModelWithTemplate(template: string = CHATML_TEMPLATE): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reliabench-gguf-'));
  const path = join(dir, 'stories260K-chatml.gguf');
  await copyWithStringKey(TINY_MODEL, path, 'tokenizer.chat_template', template);
  return path;
}
