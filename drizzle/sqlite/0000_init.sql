CREATE TABLE `audit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`actor` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	`diff` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entries_seq_unique` ON `audit_entries` (`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity_idx` ON `audit_entries` (`entity_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_at_idx` ON `audit_entries` (`at`,`seq`);--> statement-breakpoint
CREATE TABLE `bugs` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`task_id` text,
	`repro_steps` text NOT NULL,
	`proposed_fix` text,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `bugs_created_idx` ON `bugs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `bugs_task_idx` ON `bugs` (`task_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `design_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`context` text NOT NULL,
	`decision` text NOT NULL,
	`consequences` text NOT NULL,
	`actor` text NOT NULL,
	`created_at` integer NOT NULL,
	`superseded_by` text,
	FOREIGN KEY (`superseded_by`) REFERENCES `design_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `design_notes_created_idx` ON `design_notes` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `status_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`actor` text NOT NULL,
	`task_id` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `status_updates_created_idx` ON `status_updates` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `status_updates_task_idx` ON `status_updates` (`task_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `status_updates_actor_idx` ON `status_updates` (`actor`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`priority` text NOT NULL,
	`assignees` text NOT NULL,
	`rationale_log` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_created_idx` ON `tasks` (`created_at`,`id`);