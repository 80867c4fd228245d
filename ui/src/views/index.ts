// The views, in navigation order, with the least role that may open each. History is opened from a task or
// a bug (#/history?kind=…&id=…), so it has no entry of its own in the navigation.
import type { FunctionComponent } from 'preact'
import type { Role } from '../access'
import { AuditView } from './audit'
import { BoardView } from './board'
import { BugsView } from './bugs'
import { HistoryView } from './history'
import { NotesView } from './notes'
import { SearchView } from './search'
import { UpdatesView } from './updates'
import type { ViewProps } from './view'

export interface View {
  path: string
  label: string
  needs: Role
  component: FunctionComponent<ViewProps>
  inNavigation?: false
}

export const VIEWS: View[] = [
  { path: 'board', label: 'Board', needs: 'viewer', component: BoardView },
  { path: 'bugs', label: 'Bugs', needs: 'viewer', component: BugsView },
  { path: 'updates', label: 'Status updates', needs: 'viewer', component: UpdatesView },
  { path: 'notes', label: 'Design notes', needs: 'viewer', component: NotesView },
  { path: 'search', label: 'Search', needs: 'viewer', component: SearchView },
  { path: 'history', label: 'History', needs: 'viewer', component: HistoryView, inNavigation: false },
  { path: 'audit', label: 'Audit trail', needs: 'maintainer', component: AuditView },
]
