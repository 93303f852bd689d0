// ucdn prefetch / refresh / quota with the real SDK through @scloud/ucdn-mock's msw handlers: the mock's
// stateful cache service (the demo domain cdn.example.com, daily quotas, 10 s pacing, tasks done 5-15 s after
// a submit) on the harness's manual clock.
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { lines, runCli, useWorld } from '../harness.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const HOST = 'https://cdn.example.com'
const ucdn = (
  argv: string[],
  clock: Parameters<typeof runCli>[1],
  options: Parameters<typeof runCli>[2] = {},
) => runCli(argv, clock, { ...options, ucdn: true })

describe('ucdn prefetch', () => {
  it('--wait submits, follows the new task to the end and exits 0 (issue 15: done when)', async () => {
    const { clock } = useWorld(server, [])
    const result = await ucdn(['prefetch', `${HOST}/a.js`, `${HOST}/b.css`, '--wait'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/^Submitted as task \w+; waiting for it to finish\.\n$/)
    expect(result.stdout).toMatch(/All 1 task finished in \d+ s\./)
    expect(result.stdout).toMatch(/\n\w+ +2026-01-31 08:00:00 +✓ success +2\/2 +0 +100%\n/)
    expect(result.stdout).toContain('2/2 URLs done (100%)')
  })

  it('ucdn-prefetch hands a ucdn subcommand on to ucdn (`npm start -- prefetch … --wait` runs ucdn-prefetch)', async () => {
    const { clock } = useWorld(server, [])
    const result = await runCli(['prefetch', `${HOST}/a.js`, `${HOST}/b.css`, '--wait'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('2/2 URLs done (100%)')
    // Each URL named, with its outcome.
    expect(result.stdout).toMatch(/\n {2}https:\/\/cdn\.example\.com\/a\.js +✓ success +100% +2026-01-31/)
    expect(result.stdout).toMatch(/\n {2}https:\/\/cdn\.example\.com\/b\.css +✓ success +100%/)
  })

  it('without --wait prints the task id and the command that follows it', async () => {
    const { clock } = useWorld(server, [])
    const result = await ucdn(['prefetch', `${HOST}/a.js`], clock)
    expect(result.code, result.stderr).toBe(0)
    const id = /task (\w+)\./.exec(result.stdout)?.[1] ?? ''
    expect(result.stdout).toContain(`Follow with: ucdn tasks -t ${id} --watch`)
    clock.advance(20_000)
    const watched = await ucdn(['tasks', '-t', id, '-o', 'json'], clock)
    expect(JSON.parse(watched.stdout).TaskList).toMatchObject([{ TaskId: id, Status: 'success' }])
  })

  it('past the daily quota: says which task was accepted and what was not submitted, exit 3 (RetCode 1203)', async () => {
    const { clock } = useWorld(server, [])
    const urls = Array.from({ length: 1_500 }, (_, i) => `${HOST}/f${i}.js`)
    const result = await ucdn(['prefetch', ...urls], clock)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('Submitted 1000/1500 URLs (batch 1 of 2).')
    expect(result.stderr).toMatch(/ucdn: accepted before the failure: task \w+\n/)
    expect(result.stderr).toContain('ucdn: not submitted: 500 URLs')
    expect(lines(result.stderr).at(-1)).toMatch(/^ucdn: .*1203/)
  })

  it('a URL outside the account is the API refusing it (1201); a bad URL is refused before sending (exit 2)', async () => {
    const { clock } = useWorld(server, [])
    const foreign = await ucdn(['prefetch', 'https://elsewhere.example.org/a.js'], clock)
    expect(foreign.code).toBe(3)
    expect(foreign.stderr).toMatch(/1201/)
    let sent = 0
    server.use(
      http.post(/.*/, () => {
        sent++
        return undefined
      }),
    )
    const bad = await ucdn(['prefetch', `${HOST}/ok.js`, 'ftp://cdn.example.com/x.js'], clock)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('ftp://cdn.example.com/x.js')
    expect(sent).toBe(0)
  })

  it('when a submit times out after it was sent: the URLs whose fate is unknown are named, exit 3', async () => {
    const { clock } = useWorld(server, [])
    server.use(
      http.post(/.*/, async ({ request }) => {
        const body = await request.clone().text()
        if (!body.includes('PrefetchNewUcdnDomainCache')) return undefined
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        return HttpResponse.json({ RetCode: 0, Action: 'PrefetchNewUcdnDomainCacheResponse', TaskId: 'late' })
      }),
    )
    const result = await ucdn(['prefetch', `${HOST}/a.js`, '--timeout', '0.3'], clock)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('may or may not have been submitted (the outcome is unknown')
    expect(result.stderr).toContain(`  ${HOST}/a.js`)
  })
})

describe('ucdn refresh and ucdn tasks --refresh', () => {
  it('--type dir --wait, then the listing shows the refresh task with its type', async () => {
    const { clock } = useWorld(server, [])
    const result = await ucdn(['refresh', '--type', 'dir', `${HOST}/img/`, '--wait'], clock)
    expect(result.code, result.stderr).toBe(0)
    const listed = await ucdn(['tasks', '--refresh'], clock)
    expect(listed.stdout).toMatch(/^TASK ID +CREATED \(UTC\) +TYPE +STATUS/)
    expect(listed.stdout).toMatch(/\n\w+ +2026-01-31 08:00:00 +dir +✓ success/)
  })

  it('a dir URL must end in /: a usage error, nothing sent', async () => {
    const { clock } = useWorld(server, [])
    const result = await ucdn(['refresh', '--type', 'dir', `${HOST}/img`], clock)
    expect(result.code).toBe(2)
  })
})

describe('ucdn quota', () => {
  it('counts what was submitted today against the quota', async () => {
    const { clock } = useWorld(server, [])
    await ucdn(['prefetch', `${HOST}/a.js`, `${HOST}/b.js`], clock)
    const result = await ucdn(['quota', '--domain', 'ucdn-demo01'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Domain ucdn-demo01: prefetch enabled\n/)
    expect(result.stdout).toMatch(/\nprefetch +2 +1000 +998\n/)
    const json = await ucdn(['quota', '--domain', 'ucdn-demo01', '-o', 'json'], clock)
    expect(JSON.parse(json.stdout)).toMatchObject({ PrefetchEnabled: true, SubmitPrefetchCount: 2 })
  })

  it('an unknown domain is the API refusing it (1205), exit 3', async () => {
    const { clock } = useWorld(server, [])
    const result = await ucdn(['quota', '--domain', 'ucdn-nope'], clock)
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/1205/)
  })
})
