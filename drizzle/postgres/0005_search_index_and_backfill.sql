-- Hand-written back-fills of the existing rows: design notes get the lifecycle status their supersession
-- implies, and every searchable row gets its search document, built as src/domains/search/documents.ts builds
-- it (title; body lines joined by a newline), with the vector src/persistence/postgres/search.ts writes.
UPDATE "design_notes" SET "status" = 'superseded' WHERE "superseded_by" IS NOT NULL;
--> statement-breakpoint
INSERT INTO "search_documents" ("entity_id", "entity", "created_at", "title", "body", "document")
SELECT "id", "entity", "created_at", "title", "body",
	setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B')
FROM (
	SELECT "id", 'task' AS "entity", "created_at", "title",
		coalesce((SELECT string_agg(e ->> 'text', E'\n' ORDER BY n) FROM jsonb_array_elements("rationale_log"::jsonb) WITH ORDINALITY AS x(e, n)), '') AS "body"
	FROM "tasks"
	UNION ALL
	SELECT "id", 'bug', "created_at", "title",
		coalesce((SELECT string_agg(s, E'\n' ORDER BY n) FROM jsonb_array_elements_text("repro_steps"::jsonb) WITH ORDINALITY AS x(s, n)), '')
	FROM "bugs"
	UNION ALL
	SELECT "id", 'status_update', "created_at", '', "message" FROM "status_updates"
	UNION ALL
	SELECT "id", 'design_note', "created_at", "title", "context" || E'\n' || "decision" || E'\n' || "consequences"
	FROM "design_notes"
) AS "documents";
