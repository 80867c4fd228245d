import { uuidv7 } from 'uuidv7'
import type { CreateStatusUpdateBody, StatusUpdate } from './schemas.js'

export function newStatusUpdate(input: CreateStatusUpdateBody, actor: string, now: string): StatusUpdate {
  return { id: uuidv7(), actor, taskId: input.taskId ?? null, message: input.message, createdAt: now }
}
