import { describe, expect, it } from 'vitest'
import { taskHash, taskIdFromHash } from './task-hash.js'

describe('taskHash / taskIdFromHash', () => {
  it('round-trips ids, odd characters included', () => {
    for (const id of ['demoHome', 'a b&c=d', 'ünï#code']) expect(taskIdFromHash(taskHash(id))).toBe(id)
  })

  it('finds no task in an empty or foreign fragment', () => {
    expect(taskIdFromHash('')).toBeUndefined()
    expect(taskIdFromHash('#')).toBeUndefined()
    expect(taskIdFromHash('#task=')).toBeUndefined()
    expect(taskIdFromHash('#section-2')).toBeUndefined()
  })
})
