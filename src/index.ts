export * from './tokenize/index.js'
