// `ucdn quota --domain ID`: the domain's daily prefetch and refresh quotas, what was used, and whether prefetch
// is enabled at all.
import { ExitCode } from '../exit-codes.js'
import type { ConnectionOptions } from '../options.js'
import { printable } from '../printable.js'
import { renderGrid } from '../render/grid.js'
import { renderData } from '../render/output.js'
import type { Session } from '../session.js'

export interface QuotaOptions extends Pick<ConnectionOptions, 'output' | 'quiet'> {
  readonly domainId: string
}

export async function runQuota(options: QuotaOptions, { api, io }: Session): Promise<number> {
  const [quota, enabled] = await Promise.all([
    api.getCacheQuota(options.domainId, { signal: io.signal }),
    api.isPrefetchEnabled(options.domainId, { signal: io.signal }),
  ])
  // The API's own names, as --json does for tasks.
  const json = {
    DomainId: options.domainId,
    PrefetchEnabled: enabled,
    PrefetchQuota: quota.prefetchQuota,
    SubmitPrefetchCount: quota.submitPrefetchCount,
    RefreshFileQuota: quota.refreshFileQuota,
    SubmitRefreshFile: quota.submitRefreshFile,
    RefreshDirQuota: quota.refreshDirQuota,
    SubmitRefreshDir: quota.submitRefreshDir,
  }
  if (options.output !== 'table') {
    io.stdout.write(renderData(options.output, json))
    return ExitCode.Ok
  }
  if (options.quiet) return ExitCode.Ok
  const row = (what: string, used?: number, limit?: number) => [
    what,
    used === undefined ? '-' : String(used),
    limit === undefined ? '-' : String(limit),
    used === undefined || limit === undefined ? '-' : String(Math.max(0, limit - used)),
  ]
  io.stdout.write(`Domain ${printable(options.domainId)}: prefetch ${enabled ? 'enabled' : 'disabled'}\n`)
  io.stdout.write(
    renderGrid(
      ['TODAY', 'USED', 'QUOTA', 'LEFT'],
      [
        row('prefetch', quota.submitPrefetchCount, quota.prefetchQuota),
        row('refresh file', quota.submitRefreshFile, quota.refreshFileQuota),
        row('refresh dir', quota.submitRefreshDir, quota.refreshDirQuota),
      ],
      { aligns: ['left', 'right', 'right', 'right'] },
    ),
  )
  return ExitCode.Ok
}
