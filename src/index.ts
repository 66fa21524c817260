export type * from './tokenize/types.js'
