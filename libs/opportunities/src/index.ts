/** The opportunities context. For now its functional core only; routes and read models come next (README). */
export * from './domain/index.js';
