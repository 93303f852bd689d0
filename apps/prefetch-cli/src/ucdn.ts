#!/usr/bin/env node
import { main } from './process-main.js'
import { runUcdn } from './run-ucdn.js'

await main(runUcdn)
