// Types of packed-manifest.mjs for the tests.
export interface PackedManifest {
  readonly name?: string
  readonly license?: string
  readonly bin?: string | Readonly<Record<string, string>>
  readonly exports?: Readonly<Record<string, unknown>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly optionalDependencies?: Readonly<Record<string, string>>
}
export function packPackage(
  dir: string,
  dest: string,
): { tarball: string; files: string[]; manifest: PackedManifest & Record<string, unknown> }
export function packedManifestProblems(manifest: PackedManifest, files: readonly string[]): string[]
