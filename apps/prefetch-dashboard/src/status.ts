import { PrefetchStatus } from '@scloud/ucdn'
import type { SubmitKind } from './submit-request.js'

/** How a status looks: the class picks a colour, the label always says it in words too. */
export type StatusTone = 'done' | 'failed' | 'active' | 'queued' | 'unknown'

/**
 * A status for people: `label` in words, `tone` for the colour, `mark` (✓ or ✗ for the two final states, else
 * '') so done and failed differ at a glance without colour.
 */
export type StatusLook = { readonly label: string; readonly tone: StatusTone; readonly mark: string }

const LABELS: Readonly<Record<string, StatusLook>> = {
  [PrefetchStatus.Success]: { label: 'Done', tone: 'done', mark: '✓' },
  [PrefetchStatus.Failure]: { label: 'Failed', tone: 'failed', mark: '✗' },
  [PrefetchStatus.Process]: { label: 'Prefetching', tone: 'active', mark: '' },
  [PrefetchStatus.Wait]: { label: 'Queued', tone: 'queued', mark: '' },
  [PrefetchStatus.Unknow]: { label: 'Unknown', tone: 'unknown', mark: '' },
}

const REFRESHING: StatusLook = { label: 'Refreshing', tone: 'active', mark: '' }

/**
 * The words, tone and mark for a status of a prefetch (or, with `kind`, refresh) task; an undocumented status
 * is shown as the API spelled it.
 */
export function describeStatus(status: string | undefined, kind: SubmitKind = 'prefetch'): StatusLook {
  if (status === undefined || status === '') return LABELS[PrefetchStatus.Unknow]!
  if (kind === 'refresh' && status === PrefetchStatus.Process) return REFRESHING
  return Object.hasOwn(LABELS, status) ? LABELS[status]! : { label: status, tone: 'unknown', mark: '' }
}

/** The status filter's options, in the order a person scans them; `''` means every status. */
export const STATUS_FILTER_OPTIONS: readonly {
  readonly value: PrefetchStatus | ''
  readonly label: string
}[] = [
  { value: '', label: 'All statuses' },
  { value: PrefetchStatus.Process, label: 'In progress' },
  { value: PrefetchStatus.Wait, label: 'Queued' },
  { value: PrefetchStatus.Success, label: 'Done' },
  { value: PrefetchStatus.Failure, label: 'Failed' },
  { value: PrefetchStatus.Unknow, label: 'Unknown' },
]

/** Narrows a `<select>` value to a status the API accepts as a filter. */
export function parseStatusFilter(value: string): PrefetchStatus | undefined {
  return (Object.values(PrefetchStatus) as string[]).includes(value) ? (value as PrefetchStatus) : undefined
}
