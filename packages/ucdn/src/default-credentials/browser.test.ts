import { describe, expect, it } from 'vitest'
import { defaultCredentials } from './browser.js'

describe('browser default credentials', () => {
  it('reject with INVALID_INPUT telling the caller to pass credentials', async () => {
    await expect(defaultCredentials()()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('pass `credentials` to new UcdnClient({ credentials })'),
    })
  })
})
