export * from './decimal.js';
export * from './currency.js';
export * from './format.js';
