// An action the backend does not implement still passes the gateway and the spec's checks, and answers the
// spec's example: a new action in the spec never breaks an existing backend.
import { operationSchemas } from '@scloud/ucdn-client/schemas'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createReferenceBackend, createUcdnHandlers } from '../../src/index.js'
import { apiJson, formRequest, sign } from '../support/requests.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('an action the backend does not implement', () => {
  it('answers the spec’s example answer for a valid request', async () => {
    server.use(...createUcdnHandlers({ backend: createReferenceBackend() }))
    const { body } = await apiJson(
      await fetch(formRequest(sign({ Action: 'GetUcdnDomainPrefetchEnable', DomainId: 'ucdn-0331qd' }))),
    )
    expect(body).toMatchObject(operationSchemas.GetUcdnDomainPrefetchEnable.example.response)
  })

  it('still refuses a request the spec refuses (230 naming the parameter)', async () => {
    server.use(...createUcdnHandlers({ backend: createReferenceBackend() }))
    const { body } = await apiJson(await fetch(formRequest(sign({ Action: 'GetUcdnDomainPrefetchEnable' }))))
    expect(body).toMatchObject({ RetCode: 230 })
    expect(String(body.Message)).toContain('DomainId')
  })

  it('still checks the signature', async () => {
    server.use(...createUcdnHandlers({ backend: createReferenceBackend() }))
    const signed = sign({ Action: 'GetUcdnDomainPrefetchEnable', DomainId: 'ucdn-0331qd' })
    const { body } = await apiJson(await fetch(formRequest({ ...signed, DomainId: 'ucdn-other' })))
    expect(body).toMatchObject({ RetCode: 171 })
  })
})
