import path from 'node:path'

/**
 * Whether `file` is strictly below `folder` (both absolute, compared as written: resolve
 * symlinks first when they matter). `..x` is a fine name inside; only a `..` segment leaves.
 */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return (
    relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
  )
}
