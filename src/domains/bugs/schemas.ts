import { type Static, Type } from '@sinclair/typebox'
import {
  Id,
  ListQuery,
  PatchBody,
  SearchFilter,
  StringEnum,
  Text,
  VersionedEntity,
} from '../../core/schemas.js'

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export const BUG_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const
export const Severity = StringEnum(SEVERITIES)
export const BugStatus = StringEnum(BUG_STATUSES)

const Title = Text(200)
const ReproSteps = Type.Array(Text(2000), { maxItems: 100 })
const ProposedFix = Text(8000)
const NullableTaskId = Type.Union([Id, Type.Null()])

export const Bug = VersionedEntity({
  title: Title,
  severity: Severity,
  status: BugStatus,
  taskId: NullableTaskId,
  reproSteps: ReproSteps,
  proposedFix: Type.Union([ProposedFix, Type.Null()]),
})
export type Bug = Static<typeof Bug>
export type BugStatus = Static<typeof BugStatus>
export type Severity = Static<typeof Severity>

export const CreateBugBody = Type.Object(
  {
    title: Title,
    severity: Severity,
    status: Type.Optional(BugStatus),
    taskId: Type.Optional(NullableTaskId),
    reproSteps: Type.Optional(ReproSteps),
    proposedFix: Type.Optional(Type.Union([ProposedFix, Type.Null()])),
  },
  { additionalProperties: false },
)
export type CreateBugBody = Static<typeof CreateBugBody>

export const PatchBugBody = PatchBody(CreateBugBody)
export type PatchBugBody = Static<typeof PatchBugBody>
export type BugChanges = Omit<PatchBugBody, 'version'>

export const BugListQuery = ListQuery({
  severity: Type.Optional(Severity),
  status: Type.Optional(BugStatus),
  taskId: Type.Optional(Id),
  ...SearchFilter,
})
export type BugFilter = Pick<Static<typeof BugListQuery>, 'severity' | 'status' | 'taskId' | 'q'>
