/**
 * The locality domain's documented choices (docs/domains/locality.md). Every one can be overridden
 * by building a domain with createLocalityDomain(settings).
 */
export interface LocalitySettings {
  /** Minimum population of an anchor and of every gold place; stated in the prompt. */
  floor: number;
  /** The radii an item may ask about, in km. */
  radiiKm: readonly number[];
  /**
   * The largest gold set an item may have. An anchor only gets the radii whose gold set has
   * between 1 and this many places: the radius is bounded, the gold set is never truncated.
   */
  maxGoldPlaces: number;
  /** Width, in log10 population, of the strata anchors are sampled from. */
  bandWidth: number;
}

export const DEFAULT_LOCALITY_SETTINGS: Readonly<LocalitySettings> = Object.freeze({
  floor: 1000,
  radiiKm: Object.freeze([10, 25, 50, 100, 200]),
  maxGoldPlaces: 60,
  bandWidth: 0.25,
});
