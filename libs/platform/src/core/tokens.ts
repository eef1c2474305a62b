/** Injection token for the open read-model database (a `ReadModelHandle`). */
export const READ_MODEL_DB = Symbol('ReadModelDb');
