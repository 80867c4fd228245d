import { type Static, Type } from '@sinclair/typebox'
import {
  Actor,
  ListQuery,
  PatchBody,
  SearchFilter,
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

export const CreateTaskBody = Type.Object(
  {
    title: Title,
    status: Type.Optional(TaskStatus),
    priority: Type.Optional(Priority),
    assignees: Type.Optional(Assignees),
    rationale: Type.Optional(RationaleText),
  },
  { additionalProperties: false },
)
export type CreateTaskBody = Static<typeof CreateTaskBody>

export const PatchTaskBody = PatchBody(CreateTaskBody)
export type PatchTaskBody = Static<typeof PatchTaskBody>
export type TaskChanges = Omit<PatchTaskBody, 'version'>

export const TaskListQuery = ListQuery({
  status: Type.Optional(TaskStatus),
  priority: Type.Optional(Priority),
  assignee: Type.Optional(Text(200)),
  ...SearchFilter,
})
export type TaskFilter = Pick<Static<typeof TaskListQuery>, 'status' | 'priority' | 'assignee' | 'q'>
