#!/usr/bin/env node
import { main } from './process-main.js'
import { run } from './run.js'

await main(run)
