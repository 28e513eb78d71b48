/** The library API: everything the CLI does is available here as plain functions. */
export type { Item, ItemDraft, Difficulty, DomainName } from './core/item.js';
export { DOMAIN_NAMES, BIN_COUNT, binOf } from './core/item.js';
export type { Template, RenderMode } from './core/template.js';
export { renderPrompt, TEMPLATE_TAG_GROUPS } from './core/template.js';
export type { Domain, DifficultyFunction, GenerateOptions } from './core/domain.js';
export { ReliabenchError } from './core/errors.js';
export { Rng } from './core/rng.js';
export { getDomain, allDomains } from './domains/registry.js';
export { generateItems, type GenerateRequest, type GenerateResult, type GenerateEvent } from './generate/generate-items.js';
export { difficultyStats } from './generate/difficulty-stats.js';
export { openWorkspace } from './store/sqlite/open-workspace.js';
export { saveItems, loadItems } from './store/sqlite/items-repo.js';
