import type { DescribeNewUcdnPrefetchCacheTaskResponseWire } from '@scloud/ucdn-client/schemas'

/**
 * The reference's DescribeNewUcdnPrefetchCacheTask response example, verbatim: `components.examples.
 * DescribeNewUcdnPrefetchCacheTaskResponseExample` of openapi/ucdn.yaml (itself copied from the API reference).
 * Placeholder statuses, a `TotalCount` that disagrees with the list and the unknown `Test` field are all
 * part of it: a client must cope with them. `reference-example.test.ts` fails if this copy drifts from the spec.
 */
export const REFERENCE_RESPONSE_EXAMPLE: Readonly<
  DescribeNewUcdnPrefetchCacheTaskResponseWire & { Test: string }
> = {
  Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
  RetCode: 0,
  TaskList: [
    {
      CreateTime: 4,
      Status: 'ySoPLGgE',
      TaskId: 'mEuMcQSL',
      UrlLists: [
        {
          CreateTime: 6,
          FinishTime: 1,
          Progress: 3,
          Status: 'pmUWBVxw',
          Url: 'xChNHhYo',
        },
        {
          CreateTime: 3,
          FinishTime: 7,
          Progress: 7,
          Status: 'xCZMvZWZ',
          Url: 'lKGDMDQq',
        },
        {
          CreateTime: 6,
          FinishTime: 9,
          Progress: 9,
          Status: 'zMxmxYcf',
          Url: 'ptLqMQuh',
        },
        {
          CreateTime: 4,
          FinishTime: 1,
          Progress: 4,
          Status: 'OaxNseKe',
          Url: 'YhpEnOmI',
        },
        {
          CreateTime: 4,
          FinishTime: 5,
          Progress: 4,
          Status: 'etAmHzPP',
          Url: 'PEBgMeNh',
        },
      ],
    },
    {
      CreateTime: 1,
      Status: 'JKrNCisb',
      TaskId: 'mYtrUNKc',
      UrlLists: [
        {
          CreateTime: 3,
          FinishTime: 2,
          Progress: 6,
          Status: 'XynKYAiJ',
          Url: 'XqHsIOtd',
        },
        {
          CreateTime: 1,
          FinishTime: 6,
          Progress: 3,
          Status: 'rCoGJtmC',
          Url: 'EYRxaYAM',
        },
        {
          CreateTime: 5,
          FinishTime: 6,
          Progress: 2,
          Status: 'sFsEYOgd',
          Url: 'ehwfbnDN',
        },
        {
          CreateTime: 8,
          FinishTime: 5,
          Progress: 3,
          Status: 'EwSSKJad',
          Url: 'FxacwAet',
        },
        {
          CreateTime: 8,
          FinishTime: 5,
          Progress: 7,
          Status: 'SkdViYPP',
          Url: 'VRJFzzlH',
        },
        {
          CreateTime: 5,
          FinishTime: 3,
          Progress: 5,
          Status: 'hcAQXhoN',
          Url: 'LwAewYSo',
        },
        {
          CreateTime: 7,
          FinishTime: 3,
          Progress: 2,
          Status: 'AiVaeqAx',
          Url: 'eJpkSqiP',
        },
      ],
    },
    {
      CreateTime: 7,
      Status: 'dDQVOfuA',
      TaskId: 'ZJazzIIh',
      UrlLists: [
        {
          CreateTime: 8,
          FinishTime: 5,
          Progress: 2,
          Status: 'okiJCQZU',
          Url: 'qKIoMLtR',
        },
        {
          CreateTime: 1,
          FinishTime: 9,
          Progress: 6,
          Status: 'SXVfOLXG',
          Url: 'fVxMWSUL',
        },
        {
          CreateTime: 2,
          FinishTime: 4,
          Progress: 9,
          Status: 'wOXhjduh',
          Url: 'UtBAuUmZ',
        },
      ],
    },
    {
      CreateTime: 3,
      Status: 'LeqJkycM',
      TaskId: 'sEiKGYYr',
      UrlLists: [
        {
          CreateTime: 6,
          FinishTime: 8,
          Progress: 5,
          Status: 'YYcZbXWw',
          Url: 'oEqzcgMA',
        },
        {
          CreateTime: 1,
          FinishTime: 6,
          Progress: 6,
          Status: 'HYZmwEUR',
          Url: 'UKXkiPDK',
        },
        {
          CreateTime: 2,
          FinishTime: 2,
          Progress: 3,
          Status: 'FBCAWBMW',
          Url: 'aGCnxHXv',
        },
      ],
    },
    {
      CreateTime: 1,
      Status: 'GVWVbBkR',
      TaskId: 'ByScqGMr',
      UrlLists: [
        {
          CreateTime: 9,
          FinishTime: 2,
          Progress: 4,
          Status: 'iQguQPft',
          Url: 'MmoeVMJQ',
        },
        {
          CreateTime: 3,
          FinishTime: 9,
          Progress: 3,
          Status: 'CPqqNmqO',
          Url: 'YtzBfJQF',
        },
      ],
    },
    {
      CreateTime: 5,
      Status: 'RPkHZOFJ',
      TaskId: 'sklDNgoJ',
      UrlLists: [
        {
          CreateTime: 5,
          FinishTime: 2,
          Progress: 8,
          Status: 'hfRtxJYA',
          Url: 'MPKzOnkG',
        },
        {
          CreateTime: 3,
          FinishTime: 2,
          Progress: 8,
          Status: 'NOgImUxr',
          Url: 'NqeqhcDn',
        },
        {
          CreateTime: 5,
          FinishTime: 5,
          Progress: 8,
          Status: 'jadthNuI',
          Url: 'dehdHOoC',
        },
        {
          CreateTime: 4,
          FinishTime: 5,
          Progress: 9,
          Status: 'KCTmUkpl',
          Url: 'UxQiBarm',
        },
      ],
    },
    {
      CreateTime: 3,
      Status: 'xRRNKppD',
      TaskId: 'YLQhYqyq',
      UrlLists: [
        {
          CreateTime: 8,
          FinishTime: 5,
          Progress: 3,
          Status: 'qhlDmXYg',
          Url: 'fJbCCejm',
        },
        {
          CreateTime: 8,
          FinishTime: 4,
          Progress: 4,
          Status: 'IViYWdSq',
          Url: 'LkEYimIs',
        },
        {
          CreateTime: 2,
          FinishTime: 1,
          Progress: 7,
          Status: 'uCbnQqLo',
          Url: 'NbtQArje',
        },
        {
          CreateTime: 7,
          FinishTime: 7,
          Progress: 9,
          Status: 'SHEYNyGf',
          Url: 'ylzrmbHW',
        },
        {
          CreateTime: 3,
          FinishTime: 9,
          Progress: 8,
          Status: 'lgCecoFw',
          Url: 'cYVWknQE',
        },
        {
          CreateTime: 4,
          FinishTime: 7,
          Progress: 1,
          Status: 'JhdorWII',
          Url: 'OEykZxWV',
        },
        {
          CreateTime: 4,
          FinishTime: 4,
          Progress: 1,
          Status: 'GlHxqIgx',
          Url: 'RWWfGzMi',
        },
      ],
    },
  ],
  Test: 'ryEuYMgQ',
  TotalCount: 4,
}
