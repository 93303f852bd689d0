// The API stand-in, run in its own process (see lib/server.mjs for why). Configured over IPC.
//  - mode "fixed": every request gets the same prebuilt body (the overhead figure).
//  - mode "paging": `Offset`/`Limit` slices a prebuilt list of tasks, answered after `latencyMs`.
import { createServer } from 'node:http'
import { wireResponse, wireTask } from './fixtures.mjs'

const REQUEST_ID = 'b3c1f9de-5a7e-4c1a-9d65-2f0e8e3b7a10'
let lastBody = ''
let requests = 0

process.once('message', (/** @type {any} */ config) => {
  const answer = config.mode === 'paging' ? pagingAnswer(config) : fixedAnswer(config)
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      requests++
      lastBody = Buffer.concat(chunks).toString('utf8')
      answer(lastBody, (payload) => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': payload.length,
          'x-ucloud-request-uuid': REQUEST_ID,
        })
        res.end(payload)
      })
    })
  })
  server.keepAliveTimeout = 120_000
  server.headersTimeout = 130_000
  server.listen(0, '127.0.0.1', () => {
    process.send({
      type: 'listening',
      port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    })
  })
  process.on('message', (/** @type {any} */ msg) => {
    if (msg.type === 'lastBody') process.send({ type: 'lastBody', body: lastBody, requests })
    if (msg.type === 'close') server.close(() => process.exit(0))
  })
  process.on('disconnect', () => process.exit(0))
})

function fixedAnswer({ body }) {
  const payload = Buffer.from(body)
  return (_request, reply) => reply(payload)
}

function pagingAnswer({ tasks, urlsPerTask, latencyMs }) {
  // Serialised once; a page is a join of slices, so the server's own CPU stays out of the client's figure.
  const serialized = []
  for (let i = 0; i < tasks; i++) serialized.push(JSON.stringify(wireTask(i, urlsPerTask)))
  const head = JSON.stringify(wireResponse([], tasks)).replace(/\[\]\}$/, '')
  return (request, reply) => {
    const form = new URLSearchParams(request)
    const offset = Number(form.get('Offset') ?? 0)
    const limit = form.has('Limit') ? Number(form.get('Limit')) : tasks
    const page = Buffer.from(`${head}[${serialized.slice(offset, offset + limit).join(',')}]}`)
    setTimeout(() => reply(page), latencyMs)
  }
}
