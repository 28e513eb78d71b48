/**
 * Words for reading place names out of sentences: capitalised words that are never a place on their
 * own (sentence openers, directions, units, titles), and the small words allowed between a marker
 * and the name ("the town of", "I would suggest visiting").
 */

export const NOT_PLACES = new Set(
  (
    'The A An I I\'m I\'d I\'ll I\'ve It It\'s Its This That These Those There Here Here\'s Sure Yes No Yeah Okay OK Ok Well So Also ' +
    'However Although Though But And Or If In On At To From For Of By With Within Near Nearby About Around Approximately Roughly Just ' +
    'Only One Two Three Four Five Some Another Other Any Many Several Both Each All You Your We Our They Their My Me He She His Her ' +
    'Let Let\'s Consider Since As When While What Which Where Who How Why Is Are Was Were Be Do Does Did Can Could Would Should Will ' +
    'May Might Must Note Answer Final Town Towns City Cities Village Place Suggestion Option Options Population Distance Radius Km KM ' +
    'Certainly Absolutely Hi Hello Hey Thanks Thank Please Good Nice Located Situated Based According Unfortunately Sorry Hmm ' +
    'Wait Actually First Second Third Then Next Finally Therefore Thus Hence Overall Step Google Maps GeoNames Wikipedia Census ' +
    'Population: Mind Keep Some Try Visit Go Head Check Another Alternatively Additionally Other Options Explanation Reasoning ' +
    'Kilometers Kilometres Miles Metres Meters Mr Mrs Ms Dr Airport Station Region Province ' +
    'Department Prefecture County District State Municipality Commune Suburb Capital Capitals Island Islands Coast Valley Mountains ' +
    'Human User Assistant Question Task Input Output Result Sum Total Word English Monday Tuesday Wednesday Thursday Friday Saturday ' +
    'Sunday January February March April June July August September October November December Jr Sr GPS UTC Yes! Oh Ah Wow ' +
    'Definitely Probably Perhaps Maybe Likely Possibly Indeed Of Course Regarding Given Based Using Assuming Considering ' +
    'Happy Glad Hope Enjoy Welcome Fun Honestly Basically Interesting Remember Sadly Luckily Alas Cheers Bye Goodbye Good ' +
    'Maximum Minimum Country Exclude Include Anchor Search Name Type Format Example Examples Summary Source Sources Data'
  ).split(' '),
);

/** Words that begin real place names ("North Vancouver", "Saint Louis") but are no place alone. */
export const NOT_ALONE = new Set(
  (
    'North South East West Northeast Northwest Southeast Southwest Northern Southern Eastern Western Central Upper Lower Greater ' +
    'Mount Saint St Mt Ft Lake River Port New Old Fort Great Little Big Bad San Santa Sainte Ste ' +
    'English Spanish French German Italian Chinese Japanese Russian Arabic Portuguese Dutch Latin Greek Turkish Korean Hindi ' +
    'American British Canadian Australian Indian African European Asian Mexican Brazilian'
  ).split(' '),
);

export const PLACE_FILLERS = new Set(
  (
    'the a an town city village suburb municipality commune place settlement of called named is it it\'s that this probably maybe ' +
    'perhaps likely nearby neighbouring neighboring small large nice charming beautiful lovely little answer you could can try visit ' +
    'visiting consider considering go going to i i\'d i\'ll suggest suggesting recommend recommending would say be one such option ' +
    'choice good great pick my how about what there\'s there is within km kilometres kilometers from near close by just only also ' +
    'for example instance e.g. like such as including namely head over check out either or and either'
  ).split(' '),
);
