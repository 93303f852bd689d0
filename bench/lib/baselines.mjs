// Hand-written requests: what a team would write without the SDK, sending the same pre-signed form body.
// Each returns `{ name, fn, close }`; `fn()` sends one request and resolves the parsed JSON body.
import http from 'node:http'
import axios from 'axios'
import { Pool } from 'undici'

const FORM = 'application/x-www-form-urlencoded'

/** undici's `request` on a keep-alive Pool: the fastest client Node has. */
export function undiciRequest(origin, body, poolOptions = {}) {
  const pool = new Pool(origin, poolOptions)
  return {
    name: 'undici request (Pool)',
    async fn() {
      const res = await pool.request({ path: '/', method: 'POST', headers: { 'content-type': FORM }, body })
      return res.body.json()
    },
    close: () => pool.close(),
  }
}

/** `node:http` with a keep-alive Agent, body collected and `JSON.parse`d. */
export function nodeHttp(url, body) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const { hostname, port } = new URL(url)
  const headers = { 'content-type': FORM, 'content-length': Buffer.byteLength(body) }
  return {
    name: 'node:http (keep-alive Agent)',
    fn() {
      return new Promise((resolve, reject) => {
        const req = http.request({ hostname, port, path: '/', method: 'POST', agent, headers }, (res) => {
          const chunks = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
            } catch (err) {
              reject(err)
            }
          })
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}

/** Node's global `fetch` (undici's fetch on the global dispatcher, keep-alive by default). */
export function globalFetch(url, body) {
  return {
    name: 'global fetch',
    async fn() {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': FORM }, body })
      return res.json()
    },
    close() {},
  }
}

/**
 * axios POST with a keep-alive Agent. The official UCloud JS SDK is not on npm; axios is its transport, so this
 * is a floor for it (the SDK adds its own signing and mapping on top), not the SDK itself.
 */
export function axiosPost(url, body) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const client = axios.create({ httpAgent: agent, headers: { 'content-type': FORM } })
  return {
    name: "axios (official SDK's transport)",
    async fn() {
      const res = await client.post(url, body)
      return res.data
    },
    close: () => agent.destroy(),
  }
}
