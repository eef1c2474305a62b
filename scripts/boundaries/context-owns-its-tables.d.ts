import type { Linter } from 'eslint';

/** The flat-config block that turns on the table-ownership rule for every library file. */
export declare const contextBoundaries: Linter.Config;
