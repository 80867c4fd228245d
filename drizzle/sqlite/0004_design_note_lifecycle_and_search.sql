CREATE TABLE `search_documents` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_entity_id_unique` ON `search_documents` (`entity_id`);--> statement-breakpoint
ALTER TABLE `design_notes` ADD `status` text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE `design_notes` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `design_notes_status_idx` ON `design_notes` (`status`,`created_at`,`id`);