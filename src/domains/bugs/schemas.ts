import { type Static, Type } from '@sinclair/typebox'
import {
  type Changes,
  CreateBody,
  Id,
  type ListFilter,
  PatchBody,
  SearchableListQuery,
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

export const CreateBugBody = CreateBody(
  { title: Title, severity: Severity },
  {
    status: BugStatus,
    taskId: NullableTaskId,
    reproSteps: ReproSteps,
    proposedFix: Type.Union([ProposedFix, Type.Null()]),
  },
)
export type CreateBugBody = Static<typeof CreateBugBody>

export const PatchBugBody = PatchBody(CreateBugBody)
export type BugChanges = Changes<typeof PatchBugBody>

export const BugListQuery = SearchableListQuery({ severity: Severity, status: BugStatus, taskId: Id })
export type BugFilter = ListFilter<typeof BugListQuery>
