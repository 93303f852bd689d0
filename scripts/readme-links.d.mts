// Types of readme-links.mjs for the tests.
export function linksLeavingPackage(markdown: string, pkgDir: string): string[]
