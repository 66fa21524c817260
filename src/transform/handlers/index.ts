/** The built-in handlers, one file per shortcode family. */
import type {Handler} from '../types.js'
import {aesopImage} from './aesop-image.js'

export const builtinHandlers: Readonly<Record<string, Handler>> = {
  aesop_image: aesopImage
}
