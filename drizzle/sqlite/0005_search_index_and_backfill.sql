-- Hand-written (drizzle-kit cannot declare an FTS5 table). The search index over search_documents (external
-- content: FTS5 keeps only its posting lists), then the back-fills of the existing rows: design notes get the
-- lifecycle status their supersession implies, and every searchable row gets its search document, built as
-- src/domains/search/documents.ts builds it (title; body lines joined by a newline).
CREATE VIRTUAL TABLE `search_index` USING fts5(
	title, body,
	content='search_documents', content_rowid='doc_id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
UPDATE `design_notes` SET `status` = 'superseded' WHERE `superseded_by` IS NOT NULL;
--> statement-breakpoint
INSERT INTO `search_documents` (`entity`, `entity_id`, `created_at`, `title`, `body`)
SELECT 'task', `id`, `created_at`, `title`,
	coalesce((SELECT group_concat(json_extract(`value`, '$.text'), char(10)) FROM json_each(`rationale_log`)), '')
FROM `tasks`;
--> statement-breakpoint
INSERT INTO `search_documents` (`entity`, `entity_id`, `created_at`, `title`, `body`)
SELECT 'bug', `id`, `created_at`, `title`,
	coalesce((SELECT group_concat(`value`, char(10)) FROM json_each(`repro_steps`)), '')
FROM `bugs`;
--> statement-breakpoint
INSERT INTO `search_documents` (`entity`, `entity_id`, `created_at`, `title`, `body`)
SELECT 'status_update', `id`, `created_at`, '', `message` FROM `status_updates`;
--> statement-breakpoint
INSERT INTO `search_documents` (`entity`, `entity_id`, `created_at`, `title`, `body`)
SELECT 'design_note', `id`, `created_at`, `title`, `context` || char(10) || `decision` || char(10) || `consequences`
FROM `design_notes`;
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`) VALUES ('rebuild');
