CREATE TABLE `task_assignees` (
	`task_id` text NOT NULL,
	`position` integer NOT NULL,
	`assignee` text NOT NULL,
	`task_created_at` integer NOT NULL,
	PRIMARY KEY(`task_id`, `position`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Hand-written: move each task's assignees (a JSON array) into the new table, in order, before the column goes.
INSERT INTO `task_assignees` (`task_id`, `position`, `assignee`, `task_created_at`)
  SELECT `tasks`.`id`, `a`.`key`, `a`.`value`, `tasks`.`created_at` FROM `tasks`, json_each(`tasks`.`assignees`) AS `a`;--> statement-breakpoint
CREATE INDEX `task_assignees_assignee_idx` ON `task_assignees` (`assignee`,`task_created_at`,`task_id`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity_kind_idx` ON `audit_entries` (`entity`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_action_idx` ON `audit_entries` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `bugs_severity_idx` ON `bugs` (`severity`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `bugs_status_idx` ON `bugs` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `design_notes_active_idx` ON `design_notes` (`created_at`,`id`) WHERE "design_notes"."superseded_by" is null;--> statement-breakpoint
CREATE INDEX `design_notes_superseded_idx` ON `design_notes` (`created_at`,`id`) WHERE "design_notes"."superseded_by" is not null;--> statement-breakpoint
CREATE INDEX `tasks_status_idx` ON `tasks` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_priority_idx` ON `tasks` (`priority`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `tasks` DROP COLUMN `assignees`;