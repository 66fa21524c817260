/** Types of bench/hostile-shapes.js, so that TypeScript tests can import it. */

export type SyntaxName = 'txt' | 'html' | 'md' | 'xml'

export interface HostileShape {
  name: string
  /** The input at a size in characters (about). */
  make: (size: number) => string
  /** The 1x size when not the default of `sizeOf`. */
  size?: number
  /** The syntaxes it runs in (default: all four). */
  syntaxes?: SyntaxName[]
  /** By syntax, the stage that was super-linear on it, where one was. */
  stage?: Partial<Record<SyntaxName, string>>
}

export const shapes: HostileShape[]
export const syntaxes: Record<SyntaxName, {file: string; wrap: (body: string) => string}>
export function sizeOf(shape: HostileShape, syntax: SyntaxName): number
export function wxrOf(body: string): string
export function syntaxesOf(shape: HostileShape): SyntaxName[]
export function fastestCpuMs(work: () => void, runs?: number, minimumMs?: number): number
