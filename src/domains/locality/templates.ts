import { defineTemplate, type Template, type TemplateTags } from '../../core/template.js';

const t = (n: number, tags: TemplateTags, text: string, cue?: string): Template => defineTemplate('locality', n, tags, text, cue);

/**
 * The 15 prompts people might write for the task. Placeholders: {city} (anchor name), {country}
 * (English country name), {radius} (km, e.g. "50"), {floor} (minimum population, e.g. "1,000").
 * Every template excludes the anchor itself, since naming it would be trivially "within range".
 */
export const LOCALITY_TEMPLATES: readonly Template[] = [
  t(1, ['question', 'instruction-first', 'terse', 'no-format-hint'],
    'What is a city or town within {radius} km of {city}, {country}, other than {city} itself, with a population of at least {floor}?',
    'Answer:'),
  t(2, ['imperative', 'instruction-first', 'terse', 'format-hint'],
    'Name one city or town (population {floor} or more) within {radius} km of {city}, {country}, not counting {city} itself. Reply with just the name.',
    'Town:'),
  t(3, ['conversational', 'instruction-first', 'verbose', 'no-format-hint'],
    "I'm staying in {city}, {country} next week and I'd like to take a day trip somewhere else. Could you tell me a town or city with at least {floor} inhabitants that is no more than {radius} km away from {city}?",
    'Answer:'),
  t(4, ['question', 'data-first', 'terse', 'format-hint'],
    '{city}, {country}. Radius: {radius} km. Which city or town with at least {floor} inhabitants, other than {city}, lies within that distance? Give only the place name.',
    'Place:'),
  t(5, ['imperative', 'data-first', 'verbose', 'no-format-hint'],
    'Anchor city: {city} ({country})\nSearch radius: {radius} km\nMinimum population: {floor}\n\nUsing the information above, name a populated place — a city or town other than {city} — whose straight-line distance from {city} is at most {radius} km and whose population is at least {floor}.',
    'Answer:'),
  t(6, ['conversational', 'data-first', 'terse', 'format-hint'],
    'Hey, quick one: {city} in {country}. Got a town within {radius} km of it with {floor}+ people? Not {city} itself. Just the name, please.',
    'Town:'),
  t(7, ['question', 'instruction-first', 'verbose', 'format-hint'],
    'Geography question: can you name a city or town, different from {city}, that lies within {radius} kilometres (as the crow flies) of {city}, {country}, and has a population of at least {floor}? Please answer with the name of the place only, without any explanation.',
    'Answer:'),
  t(8, ['imperative', 'instruction-first', 'terse', 'no-format-hint'],
    'Give me a town of at least {floor} people within {radius} km of {city}, {country}, other than {city}.',
    'Answer:'),
  t(9, ['conversational', 'instruction-first', 'verbose', 'format-hint'],
    "A friend told me she lives in a town no more than {radius} km from {city}, {country}, and that it has at least {floor} residents — but it isn't {city} itself. I can't remember which town she said. What's one place it could be? Write the town's name on a single line, nothing else.",
    'Town:'),
  t(10, ['question', 'data-first', 'verbose', 'no-format-hint'],
    'Consider the city of {city} in {country}. If you draw a circle with a radius of {radius} km around it, several other cities and towns with populations of at least {floor} may fall inside the circle. Which is one such city or town?',
    'Answer:'),
  t(11, ['imperative', 'data-first', 'terse', 'format-hint'],
    'Place: {city}, {country}\nDistance: up to {radius} km\nPopulation: at least {floor}\nTask: name another city or town within that distance. Answer format: <town>, <country>',
    'Answer:'),
  t(12, ['conversational', 'data-first', 'verbose', 'no-format-hint'],
    "So my new job is going to be in {city}, {country}, but I'd rather live somewhere smaller nearby — a town with at least {floor} inhabitants, within {radius} km of {city}, just not {city} itself. Which town would you suggest?",
    'Suggestion:'),
  t(13, ['question', 'instruction-first', 'terse', 'format-hint'],
    'Which city or town with a population of at least {floor} is within {radius} km of {city}, {country}? Exclude {city} itself. One name only.',
    'Answer:'),
  t(14, ['imperative', 'instruction-first', 'verbose', 'format-hint'],
    'Please identify a city or town that meets all of these conditions: it is not {city} itself; it lies at most {radius} km (great-circle distance) from {city}, {country}; and it has a population of {floor} or more. Respond with only the name of the city or town.',
    'Answer:'),
  t(15, ['conversational', 'instruction-first', 'terse', 'no-format-hint'],
    "Help me out — what's a town within {radius} km of {city}, {country} with at least {floor} people? Anywhere but {city} itself.",
    'Answer:'),
];
