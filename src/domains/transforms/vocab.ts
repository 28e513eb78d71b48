/**
 * Small embedded word lists for the generators. Every entry is plain ASCII letters (names may be
 * capitalised) so that sorting, case rules and word boundaries are unambiguous.
 */
function words(text: string): readonly string[] {
  return Object.freeze([...new Set(text.trim().split(/\s+/))]);
}

export const FIRST_NAMES = words(`
  Ada Alan Grace Linus Margaret Dennis Barbara Edsger Frances Donald Radia Ken Katherine Tim
  Hedy Claude Shafi Niklaus Annie Brian Karen Leslie Sophie John Mary Carlos Lucia Omar Priya
  Mei Kofi Ingrid Pablo Elena Hiro Amara Felix Nadia Oscar Rosa Yusuf Clara Viktor Leila Mateo
  Zara Henrik Chloe Tomas Aisha Rafael Greta Arjun Ines Samuel Olga Dmitri Fatima Lars Noor
`);

export const MIDDLE_NAMES = words(`
  Marie Jean Lee Ann James Rose Paul Anne Louise Grant Ray Jo Kay May Dean Wren Blake Jude
`);

export const LAST_NAMES = words(`
  Lovelace Turing Hopper Torvalds Hamilton Ritchie Liskov Dijkstra Allen Knuth Perlman Thompson
  Johnson Berners Lamarr Shannon Goldwasser Wirth Easley Kernighan Sparck Lamport Wilson Backus
  Garcia Rossi Haddad Patel Chen Mensah Larsen Moreno Petrova Tanaka Okafor Becker Ivanova Novak
  Silva Demir Schmidt Andersen Dubois Yilmaz Kowalski Fischer Moretti Nakamura Ortega Lindqvist
  Costa Varga Horvat Eriksen Adeyemi Sato Kaur Nguyen Murphy Keller
`);

/** Single-word city names (no spaces, no accents). */
export const CITIES = words(`
  Paris London Berlin Madrid Rome Vienna Prague Lisbon Dublin Oslo Helsinki Warsaw Athens Cairo
  Nairobi Lagos Accra Dakar Tunis Casablanca Istanbul Tehran Karachi Mumbai Delhi Chennai Dhaka
  Bangkok Hanoi Manila Jakarta Singapore Seoul Tokyo Osaka Beijing Shanghai Sydney Melbourne
  Auckland Toronto Montreal Vancouver Chicago Boston Denver Seattle Houston Dallas Miami Atlanta
  Lima Bogota Quito Santiago Caracas Havana Reykjavik Tallinn Riga Vilnius Zagreb Sofia Bucharest
`);

/** Common lowercase English words: nouns, adjectives and verbs for phrases and lists. */
export const COMMON_WORDS = words(`
  apple river stone cloud garden window bridge candle forest silver market letter engine planet
  shadow harbor meadow pencil rocket summer winter autumn spring basket button castle dragon
  feather glacier hammer island jacket ladder mirror needle orange pepper quilt ribbon saddle
  tiger umbrella violin wagon yellow zebra anchor beacon cactus desert falcon ginger hollow
  ivory jungle kettle lemon marble nectar oyster parrot quartz raven salmon tunnel velvet walnut
  copper bright quiet rapid gentle hidden silent golden frozen narrow broad steady crimson
  wooden hollow distant early late heavy light simple clever brave calm eager fair happy
  open build carry draw fetch gather hold jump keep lift mend paint read sing travel wander
  write count share train order report record status total amount value number account
  customer invoice payment balance budget profile address contact service product session
`);

export const FRUITS_AND_THINGS = words(`
  apple banana cherry grape kiwi lemon mango melon olive papaya peach pear plum quince
  almond cashew hazel walnut pecan carrot celery garlic onion potato radish spinach tomato
  basil cumin ginger mint nutmeg pepper saffron thyme vanilla cocoa coffee tea honey sugar
`);

export const COLORS = words(`
  red blue green black white grey orange purple pink brown yellow teal navy olive maroon
`);

export const PRODUCTS = words(`
  Mug Lamp Chair Desk Kettle Blender Toaster Backpack Notebook Pen Stapler Monitor Keyboard
  Mouse Headset Speaker Charger Cable Router Camera Tripod Blanket Pillow Towel Jacket Scarf
  Gloves Boots Umbrella Wallet Bottle Teapot Skillet Whisk Ladle Candle Mirror Clock Vase Rug
`);

export const EMAIL_DOMAINS = words(`
  example.com example.org mail.example.net post.example.co.uk company.example inbox.example.io
  uni.example.edu shop.example.com team.example.dev support.example.org
`);

export const MONTHS = Object.freeze([
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const);
