import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { CANARIES } from '../build-page.global-setup.js'

// The built page is what reaches every browser: it may hold the documented demo pair and nothing else.
let files: { name: string; text: string }[]

beforeAll(async () => {
  const dir = inject('pageDir')
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
  files = await Promise.all(
    names.map(async (name) => ({ name: relative(dir, name), text: await readFile(name, 'utf8') })),
  )
})

const containing = (needle: string) => files.filter((f) => f.text.includes(needle)).map((f) => f.name)
const scripts = () => files.filter((f) => f.name.endsWith('.js') && f.name !== 'mockServiceWorker.js')

describe('the built page', () => {
  it('is a real build: the page, its scripts and msw’s worker', () => {
    const names = files.map((f) => f.name)
    expect(names).toContain('index.html')
    expect(names).toContain('mockServiceWorker.js')
    expect(scripts().length).toBeGreaterThan(0)
  })

  it('holds the documented demo key pair (demo mode signs with it in the browser)', () => {
    expect(containing(DEMO_CREDENTIALS.privateKey).length).toBeGreaterThan(0)
  })

  it('holds none of the credential values that were in the build’s environment', () => {
    for (const [name, value] of Object.entries(CANARIES)) expect(containing(value), name).toEqual([])
  })

  it('holds no private key of the environment running the tests', () => {
    const key = inject('environmentPrivateKey')
    if (key !== '' && key !== DEMO_CREDENTIALS.privateKey) expect(containing(key)).toEqual([])
  })

  it('imports no Node built-in, and Vite stubbed none out', () => {
    const nodeImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']node:/
    for (const file of scripts()) {
      expect(nodeImport.test(file.text), file.name).toBe(false)
      expect(file.text.includes('__vite-browser-external'), file.name).toBe(false)
    }
  })

  it('keeps the fake API out of the page’s entry chunk (live mode does not download it)', async () => {
    const entry = files
      .find((f) => f.name === 'index.html')!
      .text.match(/<script type="module"[^>]*src="\/([^"]+)"/)?.[1]
    expect(entry).toBeDefined()
    const entryText = files.find((f) => f.name === entry)!.text
    expect(entryText.includes(DEMO_CREDENTIALS.privateKey)).toBe(false)
  })
})
