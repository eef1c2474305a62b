export * from './permission-matrix.js';
export * from './permission-matrix.token.js';
export * from './route-key.js';
export * from './route-coverage.js';
export * from './platform.permissions.js';
export * from './permissions-markdown.js';
