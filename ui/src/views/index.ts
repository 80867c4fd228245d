// The views of the navigation, in order, with the least role that may open each. A view from ui/pending/
// (history, search, …) is enabled by adding its entry here once its API is on main (see ui/pending/README.md).
import type { FunctionComponent } from 'preact'
import type { Role } from '../access'
import { AuditView } from './audit'
import { BoardView } from './board'
import { BugsView } from './bugs'
import { NotesView } from './notes'
import { UpdatesView } from './updates'
import type { ViewProps } from './view'

export interface View {
  path: string
  label: string
  needs: Role
  component: FunctionComponent<ViewProps>
}

export const VIEWS: View[] = [
  { path: 'board', label: 'Board', needs: 'viewer', component: BoardView },
  { path: 'bugs', label: 'Bugs', needs: 'viewer', component: BugsView },
  { path: 'updates', label: 'Status updates', needs: 'viewer', component: UpdatesView },
  { path: 'notes', label: 'Design notes', needs: 'viewer', component: NotesView },
  { path: 'audit', label: 'Audit trail', needs: 'maintainer', component: AuditView },
]
