/** Prepositions a corpus writes places after far more often than people (see engine/names/name-places.ts). */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'throughout', 'toward', 'towards']);
