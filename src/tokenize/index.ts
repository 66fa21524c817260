export {tokenize, type TokenizeOptions} from './tokenize.js'
export {createTagRegistry, defaultTags, type TagInfo} from './registry.js'
export type * from './types.js'
