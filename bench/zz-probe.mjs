import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { APP } from '/work/main/bench/figures/bundle.mjs'
const result = await esbuild.build({ stdin: { contents: APP, resolveDir: '/work/main/bench', loader: 'js' }, bundle: true, minify: true, platform: 'browser', conditions: ['browser'], format: 'esm', write: false, metafile: true })
const code = result.outputFiles[0].text
console.log('min', code.length, 'gz', gzipSync(code, { level: 9 }).length)
const [out] = Object.values(result.metafile.outputs)
for (const [p, i] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40)) console.log(i.bytesInOutput, p)
