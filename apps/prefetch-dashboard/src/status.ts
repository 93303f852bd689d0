import { PrefetchStatus } from '@scloud/ucdn'

/** How a status looks: the class picks a colour, the label always says it in words too. */
export type StatusTone = 'done' | 'failed' | 'active' | 'queued' | 'unknown'

const LABELS: Readonly<Record<string, { readonly label: string; readonly tone: StatusTone }>> = {
  [PrefetchStatus.Success]: { label: 'Done', tone: 'done' },
  [PrefetchStatus.Failure]: { label: 'Failed', tone: 'failed' },
  [PrefetchStatus.Process]: { label: 'Prefetching', tone: 'active' },
  [PrefetchStatus.Wait]: { label: 'Queued', tone: 'queued' },
  [PrefetchStatus.Unknow]: { label: 'Unknown', tone: 'unknown' },
}

/** The words and tone for a status; an undocumented status is shown as the API spelled it. */
export function describeStatus(status: string | undefined): {
  readonly label: string
  readonly tone: StatusTone
} {
  if (status === undefined || status === '') return { label: 'Unknown', tone: 'unknown' }
  return Object.hasOwn(LABELS, status) ? LABELS[status]! : { label: status, tone: 'unknown' }
}

/** The status filter's options, in the order a person scans them; `''` means every status. */
export const STATUS_FILTER_OPTIONS: readonly {
  readonly value: PrefetchStatus | ''
  readonly label: string
}[] = [
  { value: '', label: 'All statuses' },
  { value: PrefetchStatus.Process, label: 'Prefetching' },
  { value: PrefetchStatus.Wait, label: 'Queued' },
  { value: PrefetchStatus.Success, label: 'Done' },
  { value: PrefetchStatus.Failure, label: 'Failed' },
  { value: PrefetchStatus.Unknow, label: 'Unknown' },
]

/** Narrows a `<select>` value to a status the API accepts as a filter. */
export function parseStatusFilter(value: string): PrefetchStatus | undefined {
  return (Object.values(PrefetchStatus) as string[]).includes(value) ? (value as PrefetchStatus) : undefined
}
