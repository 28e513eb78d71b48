/** Realistic raw, chat and reasoning outputs for locality, graded against a real item. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../core/item.js';
import { type Case, gradeCase, label } from './test-support/expect-grade.js';
import { itemsOf } from './test-support/items.js';

const item = (await itemsOf('locality', 30)).find((i) => (i.gold as { places: unknown[] }).places.length >= 2) as Item;
const gold = item.gold as { places: { name: string; asciiName?: string }[] };
const near = (gold.places[0] as { name: string }).name;
const other = (gold.places[1] as { name: string }).name;
const { city, country, radius } = item.input as Record<string, string>;

const cases: Case[] = [
  { name: 'raw: the name, then the prompt again with another city', response: ` ${near}\n\nConsider the city of Kraków in Poland.`, expect: 'correct', mode: 'completion', tpl: 10 },
  { name: 'raw: a sentence naming the place', response: ` ${near} is one such town.\n\nQ: And near Paris?`, expect: 'correct', mode: 'completion' },
  { name: 'raw: a made-up town', response: ' Santa Mirelda, a small market town.', expect: 'incorrect', mode: 'completion' },
  { name: 'raw: a web footer', response: '\n\nCopyright © 2019 Travel Guides Ltd. All rights reserved.', expect: 'off-topic', mode: 'completion' },
  { name: 'chat: the name with its country', response: `${near}, ${country}`, expect: 'correct' },
  { name: 'chat: a sentence with the anchor after the answer', response: `${near} is about ${radius} km from ${city}, so it fits.`, expect: 'correct' },
  { name: 'chat: bold in a friendly sentence', response: `Sure! One town within ${radius} km of ${city} is **${near}**.`, expect: 'correct' },
  { name: 'chat: a suggestion', response: `I'd suggest visiting ${near}. It's a nice place for a day trip.`, expect: 'correct' },
  { name: 'chat: a list of several places', response: `Here are some options:\n1. ${near}\n2. ${other}\n\nEnjoy your trip!`, expect: 'incorrect' },
  { name: 'chat: a list, then one recommendation', response: `Options:\n- ${near}\n- ${other}\n\nI'd recommend ${near}.`, expect: 'correct' },
  { name: 'chat: the anchor itself', response: `Answer: ${city}`, expect: 'incorrect' },
  { name: 'chat: a real place far away', response: 'Reykjavík', expect: 'incorrect' },
  { name: 'chat: cannot know', response: `I'm not familiar enough with the area around ${city} to name a town.`, expect: 'epistemic' },
  { name: 'chat: how to find one, no name', response: 'You can find this with a mapping tool: open a map, draw a circle of the given radius and check the populations inside it.', expect: 'meta' },
  { name: 'reasoning: rejects the anchor, then a final answer', response: `<think>${city} itself is excluded.</think>\nFirst thought: ${city} — no, that is the city itself.\n\nFinal answer: ${near}`, expect: 'correct' },
];

describe('locality, realistic outputs', () => {
  it.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_n, c) => {
    const g = gradeCase(item, c);
    expect(label(g), g.rationale).toBe(c.expect);
  });
});
