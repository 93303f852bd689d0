#!/usr/bin/env node
// `pnpm api:report` rewrites each published package's API report (packages/*/api-report/*.api.md) from its
// built .d.ts files; `pnpm api:check` (CI) fails when a committed report differs, so every public API change
// shows up in review. Run `pnpm build` first.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'
import { publishedPackages } from './workspace-packages.mjs'

const check = process.argv.includes('--check')
let failed = false

// A bin-only package (the CLI) has no types to report on.
for (const pkg of publishedPackages().filter((p) => p.entries.length > 0)) {
  const reportFolder = join(pkg.dir, 'api-report')
  mkdirSync(reportFolder, { recursive: true })
  for (const entry of pkg.entries) {
    if (!existsSync(entry.types)) {
      console.error(
        `${pkg.name}${entry.subpath.slice(1)}: ${entry.types} is missing; run \`pnpm build\` first`,
      )
      failed = true
      continue
    }
    const reportName = entry.subpath === '.' ? 'index' : entry.subpath.slice(2).replaceAll('/', '-')
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: pkg.dir,
        mainEntryPointFilePath: entry.types,
        compiler: { tsconfigFilePath: join(pkg.dir, 'tsconfig.build.json') },
        apiReport: {
          enabled: true,
          reportFileName: `${reportName}.api.md`,
          reportFolder,
          reportTempFolder: join(pkg.dir, 'dist', '.api-report-temp'),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            'ae-missing-release-tag': { logLevel: 'none' },
            'ae-unresolved-link': { logLevel: 'none' },
            'ae-undocumented': { logLevel: 'none' },
            // openapi-generator's runtime (a namespace import, a setter without getter) is not ours to edit.
            ...(pkg.name === '@scloud/ucdn-client' && {
              'ae-forgotten-export': { logLevel: 'none' },
              'ae-missing-getter': { logLevel: 'none' },
            }),
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
          compilerMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
      configObjectFullPath: join(pkg.dir, 'api-extractor.json'),
      packageJsonFullPath: join(pkg.dir, 'package.json'),
    })
    const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false })
    if (!result.succeeded || (check && result.apiReportChanged)) {
      console.error(
        `${pkg.name}${entry.subpath.slice(1)}: API report ${check && result.apiReportChanged ? 'is stale; run `pnpm api:report` and commit' : 'failed'}`,
      )
      failed = true
    }
  }
}
process.exit(failed ? 1 : 0)
