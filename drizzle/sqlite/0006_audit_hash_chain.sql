ALTER TABLE `audit_entries` ADD `prev_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_entries` ADD `hash` text DEFAULT '' NOT NULL;