/*
 * Recipes live in shared/ (pure zod) so the contract can validate them in the main side and the
 * renderer can build them; the engine keeps importing them from here.
 */
export * from '../../../shared/photos/recipe';
