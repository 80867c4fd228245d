import { type Static, Type } from '@sinclair/typebox'
import {
  Actor,
  type Changes,
  CreateBody,
  type ListFilter,
  PatchBody,
  SearchableListQuery,
  StringEnum,
  Text,
  Timestamp,
  VersionedEntity,
} from '../../core/schemas.js'

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const
export const TaskStatus = StringEnum(TASK_STATUSES)
export const Priority = StringEnum(PRIORITIES)

const Title = Text(200)
const RationaleText = Text(4000)
const Assignees = Type.Array(Text(200), { maxItems: 50, uniqueItems: true })

export const RationaleEntry = Type.Object(
  { at: Timestamp, actor: Actor, text: RationaleText },
  { additionalProperties: false },
)

export const Task = VersionedEntity({
  title: Title,
  status: TaskStatus,
  priority: Priority,
  assignees: Assignees,
  rationaleLog: Type.Array(RationaleEntry),
})
export type Task = Static<typeof Task>
export type TaskStatus = Static<typeof TaskStatus>
export type Priority = Static<typeof Priority>

export const CreateTaskBody = CreateBody(
  { title: Title },
  { status: TaskStatus, priority: Priority, assignees: Assignees, rationale: RationaleText },
)
export type CreateTaskBody = Static<typeof CreateTaskBody>

export const PatchTaskBody = PatchBody(CreateTaskBody)
export type TaskChanges = Changes<typeof PatchTaskBody>

export const TaskListQuery = SearchableListQuery({
  status: TaskStatus,
  priority: Priority,
  assignee: Text(200),
})
export type TaskFilter = ListFilter<typeof TaskListQuery>
